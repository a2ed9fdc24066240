package backroom.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.RecordedLogs;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SharedBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A path the box does not serve is a 404 problem+json (405 with Allow where it is served for
 * another method), never a 500, and asking for one logs nothing worse than a line of detail.
 * {@code GET /} says what the box is and where to go.
 */
class UnservedPathsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    @RegisterExtension
    final RecordedLogs logs = new RecordedLogs(Level.INFO);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET,/favicon.ico", "GET,/observe", "GET,/observe/nothing", "GET,/till", "GET,/api", "GET,/API/v1/staff",
            "GET,/api/v1", "DELETE,/nowhere/at/all", "GET,/index.html", "GET,/openapi/extra"})
    void anUnservedPathIs404ProblemJsonAndLogsNothing(String method, String path) throws Exception {
        HttpResponse<String> answer = send(method, path, box.api().token());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = MAPPER.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("title").asText()).isEqualTo("Not found");
        assertThat(problem.path("detail").asText()).isEqualTo(method + " " + path + " is not served by this box; GET / says what is");
        assertThat(logs.records()).as("log records").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST,/", "TRACE,/", "DELETE,/", "PUT,/openapi"})
    void aServedPathAskedWithAnotherMethodIs405AndLogsNothing(String method, String path) throws Exception {
        HttpResponse<String> answer = send(method, path, null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).hasValue("GET");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(logs.records()).as("log records").isEmpty();
    }

    @Test
    void theRootSaysWhatTheBoxIsAndWhereToGoWithoutAToken() throws Exception {
        Reply root = box.box().anonymous().get("/");

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.field("name")).isEqualTo("Backroom");
        assertThat(root.field("api")).isEqualTo("/api/v1");
        assertThat(root.field("health")).isEqualTo("/observe/health");
        assertThat(box.box().anonymous().get(root.field("health")).status()).isEqualTo(200);
        HttpResponse<String> description = send("GET", root.field("apiDescription"), null);
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(description.body()).isEqualTo(Files.readString(Path.of("..", "docs", "openapi.yaml")));
    }

    @Test
    void anApiPathStillNeedsItsTokenBeforeAnythingElse() throws Exception {
        HttpResponse<String> answer = send("GET", "/api/v1/sales", null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    private static HttpResponse<String> send(String method, String path, String token) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + box.box().port() + path))
                    .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
