package backroom.relay.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A relay message that carries ledger entries: JSON, gzip'd, then signed ({@link Signature}). */
final class GzipJson {

    /** Far above a message of the relay's size; a message that inflates past it is refused, not read into memory. */
    static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private GzipJson() {
    }

    static byte[] encode(Object message, Signature signature) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped, 64 * 1024)) {
            JSON.writeValue(gzip, message);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return signature.seal(zipped.toByteArray());
    }

    /** The {@code type} in {@code message} if {@code signature}'s secret signed it and it is well formed; {@code what} names it in a refusal. */
    static <T> T decode(byte[] message, Signature signature, Class<T> type, String what) throws BadMessageException {
        byte[] zipped = signature.open(message);
        try (InputStream json = new CappedStream(new GZIPInputStream(new ByteArrayInputStream(zipped)), MAX_INFLATED_BYTES)) {
            return JSON.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new BadMessageException("not " + what + ": " + e.getMessage(), e);
        }
    }
}
