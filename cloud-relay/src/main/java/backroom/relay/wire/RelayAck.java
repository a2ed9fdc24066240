package backroom.relay.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * HQ's word to a store on {@code .../ack}, retained and signed with the store's secret: HQ holds
 * the store's entries 1..{@code ackedSeq} with their chain checked, the last with {@code ackedHash}
 * (64 zeros for none). {@code forkedAtSeq}, when set, is the first seq HQ received with a hash other
 * than the one it holds: the store's ledger forked there and the box must stop sending.
 *
 * <pre>{"ackedSeq":2000,"ackedHash":"5a07...3c","forkedAtSeq":null}</pre>
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RelayAck(long ackedSeq, String ackedHash, Long forkedAtSeq) {

    public boolean forked() {
        return forkedAtSeq != null;
    }

    public byte[] encode(Signature signature) {
        return SignedJson.encode(this, signature);
    }

    public static RelayAck decode(byte[] message, Signature signature) throws BadMessageException {
        RelayAck ack = SignedJson.decode(message, signature, RelayAck.class, "a relay ack");
        if (ack.ackedSeq < 0 || ack.ackedHash == null) {
            throw new BadMessageException("an ack needs ackedSeq >= 0 and ackedHash");
        }
        return ack;
    }
}
