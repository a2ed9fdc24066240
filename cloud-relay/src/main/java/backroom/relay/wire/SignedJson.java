package backroom.relay.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A small relay message as signed JSON ({@link Signature}): HQ's ack, config and commands. */
final class SignedJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SignedJson() {
    }

    static byte[] encode(Object message, Signature signature) {
        try {
            return signature.seal(JSON.writeValueAsBytes(message));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /** The {@code type} in {@code message} if {@code signature}'s secret signed it; {@code what} names it in the refusal. */
    static <T> T decode(byte[] message, Signature signature, Class<T> type, String what) throws BadMessageException {
        byte[] json = signature.open(message);
        try {
            return JSON.readValue(json, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadMessageException("not " + what + ": " + e.getMessage(), e);
        }
    }
}
