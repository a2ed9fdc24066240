package backroom.edge.cli;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.access.FirstStart;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.logging.common.LogConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code backroom warm-up}: starts a box of its own on an empty data folder and a free loopback
 * port, rings one sale through its HTTP API as a tablet would, stops it and deletes the folder.
 *
 * <p>{@code install.sh} runs it with the unit's JVM flags, so that the JVM writes its class-data
 * archive as the command exits ({@code -XX:+AutoCreateSharedArchive}) before the box first starts.
 * The JVM writes that archive only when it stops cleanly: a box whose power is cut before it is
 * ever stopped would otherwise start without one every time, 1.7-2.7 s to ready instead of about 1
 * (bench footprint).
 */
@Command(name = "warm-up", description = "Start and stop a throw-away box, so the JVM writes its class-data archive (install.sh runs it).")
final class WarmUpCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException, InterruptedException {
        LogConfig.configureRuntime();
        Path folder = Files.createTempDirectory("backroom-warm-up-");
        try {
            try (Box box = Box.start(new BoxConfig("127.0.0.1", 0, folder.resolve("data")))) {
                FirstStart first = box.firstStart().orElseThrow();
                Till till = new Till(box.port());
                till.get("/observe/health/ready", null);
                String device = till.post("/api/v1/devices/pair", null, "{\"code\":\"" + first.pairingCode().code() + "\"}").path("token").asText();
                String staff = till.post("/api/v1/sessions", device, "{\"pin\":\"" + first.technicianPin() + "\"}").path("sessionToken").asText();
                String shift = till.post("/api/v1/shifts", staff, "{\"registerId\":\"warm-up\",\"openingFloat\":0}").path("shiftId").asText();
                till.post("/api/v1/sales", staff, """
                        {"registerId":"warm-up","shiftId":"%s","orderType":"takeaway",
                         "items":[{"productId":"coffee-latte","variantId":"large","quantity":2,"modifierIds":["extra-shot"]}],
                         "payments":[{"method":"cash","amount":100000}]}""".formatted(shift));
            }
            System.out.println("Warmed up: a throw-away box started, rang a sale and stopped.");
            return 0;
        } finally {
            deleteFolder(folder);
        }
    }

    /** A tablet of one: each call must answer 2xx, or the warm-up fails with what it said. */
    private record Till(HttpClient client, int port) {

        Till(int port) {
            this(HttpClient.newHttpClient(), port);
        }

        JsonNode post(String path, String token, String json) throws IOException, InterruptedException {
            HttpRequest.Builder request = request(path, token).POST(HttpRequest.BodyPublishers.ofString(json))
                    .header("Content-Type", "application/json");
            if (path.endsWith("/sales")) {
                request.header("Idempotency-Key", "warm-up");
            }
            return send(path, request);
        }

        JsonNode get(String path, String token) throws IOException, InterruptedException {
            return send(path, request(path, token).GET());
        }

        private HttpRequest.Builder request(String path, String token) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            return token == null ? request : request.header("Authorization", "Bearer " + token);
        }

        private JsonNode send(String path, HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("the warm-up box answered " + path + " with " + answer.statusCode() + ": " + answer.body());
            }
            return Json.MAPPER.readTree(answer.body());
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
