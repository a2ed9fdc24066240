package backroom.edge.bench;

import backroom.edge.Box;
import backroom.edge.access.FirstStart;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A new bench box's till, set up through the API as a tablet would: paired, signed in, its shift open. */
record BenchTill(String token, String shiftId) {

    static BenchTill open(Box box) throws IOException, InterruptedException {
        FirstStart first = box.firstStart().orElseThrow(() -> new IllegalStateException("the bench box must be new"));
        return open(box.port(), first.pairingCode().code(), first.technicianPin());
    }

    /** A till on a new box listening on {@code port}, paired with its first pairing code, its technician signed in. */
    static BenchTill open(int port, String pairingCode, String pin) throws IOException, InterruptedException {
        String token = signIn(port, pairingCode, pin);
        String shift = post(port, token, "/api/v1/shifts", "{\"registerId\":\"bench\",\"openingFloat\":0}").path("shiftId").asText();
        return new BenchTill(token, shift);
    }

    /** The same till on the box started again: another tablet paired with {@code pairingCode}, ringing on this till's shift. */
    BenchTill again(int port, String pairingCode, String pin) throws IOException, InterruptedException {
        return new BenchTill(signIn(port, pairingCode, pin), shiftId);
    }

    private static String signIn(int port, String pairingCode, String pin) throws IOException, InterruptedException {
        String device = post(port, null, "/api/v1/devices/pair", "{\"code\":\"" + pairingCode + "\"}").path("token").asText();
        return post(port, device, "/api/v1/sessions", "{\"pin\":\"" + pin + "\"}").path("sessionToken").asText();
    }

    /** The worked-example sale on this till's shift, as a tablet sends it. */
    String workedExampleSale() {
        return """
                {"registerId":"bench","shiftId":"%s","orderType":"takeaway",
                 "items":[{"productId":"coffee-latte","variantId":"large","quantity":2,"modifierIds":["extra-shot"]}],
                 "payments":[{"method":"cash","amount":100000}]}""".formatted(shiftId);
    }

    private static JsonNode post(int port, String token, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.MAPPER.readTree(answer.body());
    }
}
