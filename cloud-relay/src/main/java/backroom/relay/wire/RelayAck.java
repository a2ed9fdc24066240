package backroom.relay.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

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

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public boolean forked() {
        return forkedAtSeq != null;
    }

    public byte[] encode(Signature signature) {
        try {
            return signature.seal(JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    public static RelayAck decode(byte[] message, Signature signature) throws BadMessageException {
        byte[] json = signature.open(message);
        try {
            RelayAck ack = JSON.readValue(json, RelayAck.class);
            if (ack.ackedSeq < 0 || ack.ackedHash == null) {
                throw new BadMessageException("an ack needs ackedSeq >= 0 and ackedHash");
            }
            return ack;
        } catch (IOException e) {
            throw new BadMessageException("not a relay ack: " + e.getMessage(), e);
        }
    }
}
