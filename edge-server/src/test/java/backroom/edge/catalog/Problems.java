package backroom.edge.catalog;

import backroom.edge.testing.Reply;
import java.util.ArrayList;
import java.util.List;

/** A problem+json answer's {@code errors[]}, each as {@code "field: message"}, so a test matches both exactly. */
final class Problems {

    private Problems() {
    }

    static List<String> errors(Reply reply) {
        List<String> errors = new ArrayList<>();
        reply.body().path("errors").forEach(e -> errors.add(e.path("field").asText() + ": " + e.path("message").asText()));
        return errors;
    }
}
