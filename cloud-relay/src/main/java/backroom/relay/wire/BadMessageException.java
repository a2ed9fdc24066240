package backroom.relay.wire;

/** A relay message that is not what it claims: a bad signature, or not the format. Never stored, never acted on. */
public final class BadMessageException extends Exception {

    public BadMessageException(String message) {
        super(message);
    }

    public BadMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
