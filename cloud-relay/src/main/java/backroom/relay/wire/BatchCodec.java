package backroom.relay.wire;

/** A {@link RelayBatch} on the wire: JSON, gzip'd, then signed ({@link Signature}). */
public final class BatchCodec {

    private BatchCodec() {
    }

    public static byte[] encode(RelayBatch batch, Signature signature) {
        return GzipJson.encode(batch, signature);
    }

    /** The batch in {@code message} if {@code signature}'s secret signed it and it is well formed. */
    public static RelayBatch decode(byte[] message, Signature signature) throws BadMessageException {
        return GzipJson.decode(message, signature, RelayBatch.class, "a relay batch");
    }
}
