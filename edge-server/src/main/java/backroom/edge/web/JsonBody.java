package backroom.edge.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request body read with a size limit and parsed as JSON. Unreadable input is refused here,
 * before any handler sees it, with a problem that names the field: {@code Content-Type} (415)
 * for a body that is not declared JSON, {@code body} for malformed JSON or a body over the limit,
 * the field's path ({@code items[0].quantity}) for a key given twice, text that is not whole
 * Unicode, or a wrong type.
 */
public record JsonBody(JsonNode tree) {

    /** Far above any real sale (a 200-line order is about 30 KiB). */
    public static final int MAX_BYTES = 64 * 1024;

    public static JsonBody read(ServerRequest req) {
        if (!req.content().hasEntity()) {
            throw Problem.malformed("body", "a JSON body is required");
        }
        requireJson(req.headers().contentType());
        byte[] bytes = readLimited(req);
        if (bytes.length == 0) {
            throw Problem.malformed("body", "a JSON body is required");
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw Problem.malformed("body", "must be a JSON object");
            }
            WholeText.require(tree);
            return new JsonBody(tree);
        } catch (StreamReadException e) {
            throw unreadable(e);
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

    /** {@code application/json} or any {@code application/*+json}, in UTF-8 if a charset is given. */
    private static void requireJson(Optional<HttpMediaType> declared) {
        boolean json = declared.map(type -> type.mediaType().type().equalsIgnoreCase("application")
                        && (type.mediaType().subtype().equalsIgnoreCase("json") || type.mediaType().subtype().toLowerCase().endsWith("+json"))
                        && type.charset().map(charset -> charset.equalsIgnoreCase("utf-8")).orElse(true))
                .orElse(false);
        if (!json) {
            String sent = declared.map(HttpMediaType::text).orElse("none");
            throw new Problem(415, "Unsupported media type", "Content-Type: the body must be JSON, sent as application/json (was "
                    + sent + ")", List.of(new FieldError("Content-Type", "must be application/json")));
        }
    }

    /** A key given twice names its path; anything else the parser cannot read is the body's fault. */
    private static Problem unreadable(StreamReadException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser parser) {
            return Problem.malformed(pathOf(parser.getParsingContext().pathAsPointer()), "is given more than once");
        }
        return Problem.malformed("body", "is not valid JSON (" + message + ")");
    }

    private static byte[] readLimited(ServerRequest req) {
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

    /** {@code /items/0/quantity} as {@code items[0].quantity}. */
    static String pathOf(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer step = pointer; step != null && !step.matches(); step = step.tail()) {
            if (step.mayMatchElement()) {
                path.append('[').append(step.getMatchingIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(step.getMatchingProperty());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Text in the body must be whole Unicode: an unpaired surrogate has no UTF-8 form and would be hashed as '?'. */
    private static final class WholeText {

        static void require(JsonNode tree) {
            walk(tree, "");
        }

        private static void walk(JsonNode node, String at) {
            if (node.isTextual() && !isWhole(node.textValue())) {
                throw Problem.malformed(at.isEmpty() ? "body" : at, "is not valid Unicode text (an unpaired surrogate such as \\ud800)");
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), at + "[" + i + "]");
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                String fieldAt = at.isEmpty() ? name : at + "." + name;
                if (!isWhole(name)) {
                    throw Problem.malformed(at.isEmpty() ? "body" : at, "has a key that is not valid Unicode text (an unpaired surrogate)");
                }
                walk(field.getValue(), fieldAt);
            }
        }

        private static boolean isWhole(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
