package backroom.relay.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BatchCodecTest {

    private static final Signature S1 = new Signature("secret-of-store-one");
    private static final Signature S2 = new Signature("secret-of-store-two");

    private static RelayBatch batch() {
        return new RelayBatch("kopi", "s1", 41, 42, List.of(
                new RelayBatch.Entry(41, "shift.opened", "2026-11-23T08:00:00Z", "{\"a\":1}", "0".repeat(64), "1".repeat(64)),
                new RelayBatch.Entry(42, "sale.completed", "2026-11-23T08:00:01.117Z", "{\"b\":\"é\"}", "1".repeat(64), "2".repeat(64))));
    }

    @Test
    void aBatchComesBackAsItWasSent() throws Exception {
        assertThat(BatchCodec.decode(BatchCodec.encode(batch(), S1), S1)).isEqualTo(batch());
    }

    @Test
    void theBodyIsGzippedJsonAfterA32ByteSignature() {
        byte[] message = BatchCodec.encode(batch(), S1);
        assertThat(message[32]).isEqualTo((byte) 0x1f);
        assertThat(message[33]).isEqualTo((byte) 0x8b);
    }

    @Test
    void anotherStoresSecretIsRefused() {
        assertThatThrownBy(() -> BatchCodec.decode(BatchCodec.encode(batch(), S1), S2))
                .isInstanceOf(BadMessageException.class)
                .hasMessage("the signature does not match the store's secret");
    }

    @Test
    void anyChangedByteIsRefused() {
        byte[] message = BatchCodec.encode(batch(), S1);
        for (int at : new int[] {0, 31, 32, message.length / 2, message.length - 1}) {
            byte[] changed = message.clone();
            changed[at] ^= 1;
            assertThatThrownBy(() -> BatchCodec.decode(changed, S1)).as("byte %d", at)
                    .isInstanceOf(BadMessageException.class).hasMessage("the signature does not match the store's secret");
        }
    }

    @Test
    void aShortMessageIsRefused() {
        assertThatThrownBy(() -> BatchCodec.decode(new byte[31], S1))
                .isInstanceOf(BadMessageException.class)
                .hasMessage("a signed message is at least 32 bytes; got 31");
    }

    @Test
    void aSignedBodyThatIsNotABatchIsRefused() throws IOException {
        assertThatThrownBy(() -> BatchCodec.decode(S1.seal("not gzip".getBytes(StandardCharsets.UTF_8)), S1))
                .isInstanceOf(BadMessageException.class).hasMessageStartingWith("not a relay batch");
        assertThatThrownBy(() -> BatchCodec.decode(S1.seal(gzip("{\"franchise\":\"kopi\"}")), S1))
                .isInstanceOf(BadMessageException.class).hasMessageStartingWith("not a relay batch");
        String gap = "{\"franchise\":\"k\",\"store\":\"s\",\"fromSeq\":1,\"toSeq\":2,\"entries\":[{\"seq\":1,\"type\":\"t\",\"occurredAt\":\"x\","
                + "\"payload\":\"{}\",\"prevHash\":\"p\",\"hash\":\"h\"},{\"seq\":3,\"type\":\"t\",\"occurredAt\":\"x\",\"payload\":\"{}\","
                + "\"prevHash\":\"p\",\"hash\":\"h\"}]}";
        assertThatThrownBy(() -> BatchCodec.decode(S1.seal(gzip(gap)), S1))
                .isInstanceOf(BadMessageException.class).hasMessageContaining("entries must run from 1 without gaps; found 3 at 1");
    }

    @Test
    void aMessageThatInflatesPastTheCapIsRefused() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i <= GzipJson.MAX_INFLATED_BYTES / spaces.length; i++) {
                gzip.write(spaces);
            }
        }
        assertThatThrownBy(() -> BatchCodec.decode(S1.seal(zipped.toByteArray()), S1))
                .isInstanceOf(BadMessageException.class).hasMessageContaining("inflates past " + GzipJson.MAX_INFLATED_BYTES);
    }

    @Test
    void anAckComesBackAndIsSigned() throws Exception {
        RelayAck ack = new RelayAck(2000, "a".repeat(64), null);
        assertThat(RelayAck.decode(ack.encode(S1), S1)).isEqualTo(ack);
        byte[] forked = new RelayAck(500, "b".repeat(64), 501L).encode(S1);
        assertThat(RelayAck.decode(forked, S1).forkedAtSeq()).isEqualTo(501L);
        assertThat(new String(forked, 32, forked.length - 32, StandardCharsets.UTF_8))
                .isEqualTo("{\"ackedSeq\":500,\"ackedHash\":\"" + "b".repeat(64) + "\",\"forkedAtSeq\":501}");
        assertThatThrownBy(() -> RelayAck.decode(ack.encode(S1), S2)).isInstanceOf(BadMessageException.class);
        assertThatThrownBy(() -> RelayAck.decode(S1.seal("{\"ackedSeq\":-1,\"ackedHash\":\"x\"}".getBytes(StandardCharsets.UTF_8)), S1))
                .isInstanceOf(BadMessageException.class).hasMessage("an ack needs ackedSeq >= 0 and ackedHash");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new Signature("too-short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a store secret has at least 16 characters");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return zipped.toByteArray();
    }
}
