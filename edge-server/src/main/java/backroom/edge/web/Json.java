package backroom.edge.web;

import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerEntry;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * The box's one JSON mapper, strict about types and lenient about fields it does not know. A key
 * given twice in one object is refused: with the last one winning, {@code "quantity":1,"quantity":3}
 * rang 3 while a proxy or a log that read the first saw 1.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value, e);
        }
    }

    /** A JSON text the box wrote itself, read back as a tree. */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the box's own JSON cannot be read back", e);
        }
    }

    /** A ledger entry's payload read as {@code type}, for a replay; an entry that cannot be is named, and the rebuild stops there. */
    public static <T> T payload(LedgerEntry entry, Class<T> type) {
        try {
            return MAPPER.readValue(entry.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(ExpectedRow.said(entry) + " cannot be read as " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    public static void send(ServerResponse res, int status, Object body) {
        sendText(res, status, write(body));
    }

    public static void sendText(ServerResponse res, int status, String json) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(json);
    }

    public static void ok(ServerResponse res, Object body) {
        send(res, 200, body);
    }
}
