package backroom.edge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A tablet's view of the box: JSON over HTTP to one base URL. */
public final class Api {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String STALE_CONNECTION = "HTTP/1.1 header parser received no bytes";
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String token;

    /** Sends {@code Authorization: Bearer token} with every request, unless token is null. */
    public Api(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** The same box as another caller. */
    public Api as(String otherToken) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
    }

    /** The bearer token this Api sends, or null. */
    public String token() {
        return token;
    }

    public Api anonymous() {
        return as(null);
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public Reply patch(String path, Object body) {
        return send(json(path, body).method("PATCH", HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply post(String path, Object body) {
        return send(json(path, body).POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Reply put(String path, Object body) {
        return send(json(path, body).PUT(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    /** {@code method} on {@code path} with the extra headers given, and a JSON body unless it is null. */
    public Reply send(String method, String path, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = json(path, body).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text(body)));
        headers.forEach(request::header);
        return send(request);
    }

    /** POSTs a sale with the given Idempotency-Key. */
    public Reply ringSale(String idempotencyKey, Object sale) {
        return send(json("/api/v1/sales", sale)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(text(sale))));
    }

    /** POSTs {@code body} with an Idempotency-Key. */
    public Reply postWithKey(String path, String idempotencyKey, Object body) {
        return send(json(path, body).header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Reply ringSale(Object sale) {
        return ringSale(UUID.randomUUID().toString(), sale);
    }

    /** Sends raw bytes as the body, for malformed input. */
    public Reply postRaw(String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** POSTs {@code body} declared as {@code contentType} (none at all if empty), with an Idempotency-Key. */
    public Reply postAs(String path, String contentType, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Opens a shift on {@code registerId} and returns its id. */
    public String openShift(String registerId) {
        Reply reply = post("/api/v1/shifts", java.util.Map.of("registerId", registerId, "openingFloat", 500_000));
        if (reply.status() != 201) {
            throw new AssertionError("could not open a shift: " + reply);
        }
        return reply.field("shiftId");
    }

    /** Closes shift {@code shiftId} with {@code countedCash} and returns its Z report, failing unless it closed. */
    public Reply closeShift(String shiftId, long countedCash) {
        Reply z = post("/api/v1/shifts/" + shiftId + "/close", java.util.Map.of("countedCash", countedCash));
        if (z.status() != 200 || !z.field("status").equals("closed") || !z.field("shiftId").equals(shiftId)) {
            throw new AssertionError("shift " + shiftId + " did not close: " + z);
        }
        return z;
    }

    /** Voids sale {@code saleId} and returns it, failing unless it is now voided with that reason. */
    public Reply voidSale(String saleId, String reason) {
        Reply voided = post("/api/v1/sales/" + saleId + "/void", java.util.Map.of("reason", reason));
        if (voided.status() != 200 || !voided.field("status").equals("voided") || !voided.field("voidReason").equals(reason)
                || !voided.field("saleId").equals(saleId)) {
            throw new AssertionError("sale " + saleId + " was not voided: " + voided);
        }
        return voided;
    }

    public long headSeq() {
        for (JsonNode check : get("/observe/health").body().path("checks")) {
            if (check.path("name").asText().equals("ledger")) {
                return check.path("data").path("headSeq").asLong();
            }
        }
        throw new AssertionError("health has no ledger check");
    }

    private HttpRequest.Builder json(String path, Object body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
    }

    private Reply send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException stale) {
                // The box closes a connection after refusing a request before its body was read; the client's pool may
                // hand that closed connection to the next request, which then gets no byte back at all. Only that case
                // is sent again, once, on a fresh connection: the request never reached the box.
                if (!STALE_CONNECTION.equals(stale.getMessage())) {
                    throw stale;
                }
                response = client.send(built, HttpResponse.BodyHandlers.ofString());
            }
            String text = response.body();
            JsonNode body = text.isEmpty() ? MAPPER.nullNode() : parse(text);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(text);
        }
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
