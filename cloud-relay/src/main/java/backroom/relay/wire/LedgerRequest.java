package backroom.relay.wire;

/**
 * A box's request for its own ledger back from HQ, on {@code .../ledger/get}, signed with the
 * store's secret: the entries after {@code afterSeq}, at most {@code maxEntries} of them. A box
 * whose disk died asks page by page and rebuilds from the answers ({@link LedgerPage}), which
 * carry its {@code requestId} so that it takes no answer to anyone else's request, or an old one.
 *
 * <pre>{"requestId":"5b1f...","afterSeq":4000,"maxEntries":1000}</pre>
 */
public record LedgerRequest(String requestId, long afterSeq, int maxEntries) {

    /** The most entries one page carries, whatever a request asks. */
    public static final int MAX_ENTRIES = 2_000;

    public byte[] encode(Signature signature) {
        return SignedJson.encode(this, signature);
    }

    public static LedgerRequest decode(byte[] message, Signature signature) throws BadMessageException {
        LedgerRequest request = SignedJson.decode(message, signature, LedgerRequest.class, "a ledger request");
        if (request.requestId == null || request.requestId.isBlank() || request.afterSeq < 0 || request.maxEntries < 1) {
            throw new BadMessageException("a ledger request needs a requestId, afterSeq >= 0 and maxEntries >= 1");
        }
        return request;
    }
}
