package backroom.edge.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import io.helidon.webserver.http.ServerRequest;

/**
 * A request body read with a size limit and parsed as JSON. Unreadable input is refused here,
 * before any handler sees it, with a problem that names the field: {@code body} for malformed
 * JSON or a body over the limit, the field's path ({@code items[0].quantity}) for a wrong type.
 */
public record JsonBody(JsonNode tree) {

    /** Far above any real sale (a 200-line order is about 30 KiB). */
    public static final int MAX_BYTES = 64 * 1024;

    public static JsonBody read(ServerRequest req) {
        byte[] bytes = readLimited(req);
        if (bytes.length == 0) {
            throw Problem.malformed("body", "a JSON body is required");
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw Problem.malformed("body", "must be a JSON object");
            }
            return new JsonBody(tree);
        } catch (JacksonException e) {
            throw Problem.malformed("body", "is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps the body onto {@code type}, naming the field whose value has the wrong type. */
    public <T> T as(Class<T> type) {
        try {
            return Json.MAPPER.readerFor(type).readValue(tree);
        } catch (JsonMappingException e) {
            throw Problem.malformed(path(e.getPath()), wrongTypeMessage(e));
        } catch (InputCoercionException e) {
            throw Problem.malformed(String.valueOf(e.getProcessor() == null ? "body" : currentPath(e)), "is out of range");
        } catch (IOException e) {
            throw Problem.malformed("body", e.getMessage());
        }
    }

    private static byte[] readLimited(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = req.content().inputStream()) {
            // With a Content-Length, read exactly that; a chunked body is read up to one byte past the limit.
            byte[] bytes = in.readNBytes(declared >= 0 ? (int) declared : MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Problem tooLarge() {
        return new Problem(413, "Body too large", "body: larger than " + MAX_BYTES + " bytes",
                List.of(new FieldError("body", "larger than " + MAX_BYTES + " bytes")));
    }

    private static String currentPath(InputCoercionException e) {
        return e.getProcessor().getParsingContext().pathAsPointer().toString();
    }

    private static String wrongTypeMessage(JsonMappingException e) {
        if (e.getCause() instanceof InputCoercionException) {
            return "is out of range";
        }
        String original = e.getOriginalMessage();
        if (original.contains("out of range")) {
            return "is out of range";
        }
        return "has the wrong type";
    }

    static String path(List<JsonMappingException.Reference> references) {
        String joined = references.stream()
                .map(ref -> ref.getIndex() >= 0 ? "[" + ref.getIndex() + "]" : "." + ref.getFieldName())
                .collect(Collectors.joining());
        return joined.startsWith(".") ? joined.substring(1) : (joined.isEmpty() ? "body" : joined);
    }
}
