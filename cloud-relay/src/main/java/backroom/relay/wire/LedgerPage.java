package backroom.relay.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * HQ's answer to a {@link LedgerRequest}, on {@code .../ledger/page}, gzip'd and signed like a
 * batch: the store's entries after the request's {@code afterSeq}, in seq order, as HQ holds them
 * chain-checked, and how far that is ({@code heldSeq}, whose hash is {@code heldHash}). No entry
 * past {@code heldSeq} is ever sent: what HQ has not checked is not handed back as the store's.
 * An empty page with {@code afterSeq == heldSeq} says the box has everything.
 *
 * <pre>{"requestId":"5b1f...","heldSeq":200000,"heldHash":"5a07...","forkedAtSeq":null,"entries":[...]}</pre>
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LedgerPage(String requestId, long heldSeq, String heldHash, Long forkedAtSeq, List<RelayBatch.Entry> entries) {

    public LedgerPage {
        entries = List.copyOf(entries);
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).seq() != entries.get(i - 1).seq() + 1) {
                throw new IllegalArgumentException("a ledger page's entries run without gaps; found " + entries.get(i).seq()
                        + " after " + entries.get(i - 1).seq());
            }
        }
        if (!entries.isEmpty() && entries.getLast().seq() > heldSeq) {
            throw new IllegalArgumentException("a ledger page holds no entry past heldSeq " + heldSeq);
        }
    }

    public byte[] encode(Signature signature) {
        return GzipJson.encode(this, signature);
    }

    public static LedgerPage decode(byte[] message, Signature signature) throws BadMessageException {
        LedgerPage page = GzipJson.decode(message, signature, LedgerPage.class, "a ledger page");
        if (page.requestId == null || page.heldHash == null || page.heldSeq < 0) {
            throw new BadMessageException("a ledger page needs a requestId, heldSeq >= 0 and heldHash");
        }
        return page;
    }
}
