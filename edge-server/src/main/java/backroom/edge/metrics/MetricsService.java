package backroom.edge.metrics;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /observe/metrics}, public like {@code /observe/health}: counts and states, no money and no names of staff. */
public final class MetricsService {

    public static final String PATH = "/observe/metrics";

    private final BoxMetrics metrics;

    public MetricsService(BoxMetrics metrics) {
        this.metrics = metrics;
    }

    public void register(HttpRouting.Builder routing) {
        routing.get(PATH, this::scrape);
    }

    private void scrape(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, PrometheusText.CONTENT_TYPE);
        res.send(metrics.scrape());
    }
}
