package backroom.edge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An HTTP answer as a test sees it: status, content type and the JSON body. */
public record Reply(int status, String contentType, JsonNode body, String text) {

    public String field(String name) {
        return body.path(name).asText();
    }

    public long number(String name) {
        return body.path(name).asLong();
    }

    /** The {@code field} of each entry in a problem+json {@code errors[]}. */
    public List<String> problemFields() {
        List<String> fields = new ArrayList<>();
        body.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
