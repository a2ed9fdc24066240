package backroom.relay.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerPageTest {

    private static final Signature S1 = new Signature("secret-of-store-one");
    private static final Signature S2 = new Signature("secret-of-store-two");

    private static RelayBatch.Entry entry(long seq) {
        return new RelayBatch.Entry(seq, "sale.completed", "2026-11-23T08:00:01.117Z", "{\"n\":" + seq + "}", "p" + seq, "h" + seq);
    }

    @Test
    void aRequestAndAPageComeBackAsTheyWereSent() throws Exception {
        LedgerRequest request = new LedgerRequest("r-1", 40, 1_000);
        assertThat(LedgerRequest.decode(request.encode(S1), S1)).isEqualTo(request);
        LedgerPage page = new LedgerPage("r-1", 42, "h42", null, List.of(entry(41), entry(42)));
        assertThat(LedgerPage.decode(page.encode(S1), S1)).isEqualTo(page);
        LedgerPage last = new LedgerPage("r-2", 42, "h42", 7L, List.of());
        assertThat(LedgerPage.decode(last.encode(S1), S1)).isEqualTo(last);
    }

    @Test
    void onlyTheStoresSecretOpensThem() {
        assertThatThrownBy(() -> LedgerRequest.decode(new LedgerRequest("r-1", 0, 10).encode(S1), S2))
                .isInstanceOf(BadMessageException.class).hasMessage("the signature does not match the store's secret");
        assertThatThrownBy(() -> LedgerPage.decode(new LedgerPage("r-1", 1, "h1", null, List.of(entry(1))).encode(S1), S2))
                .isInstanceOf(BadMessageException.class).hasMessage("the signature does not match the store's secret");
    }

    @Test
    void aPageRunsWithoutGapsAndNeverPastWhatHqHolds() {
        assertThatThrownBy(() -> new LedgerPage("r", 9, "h", null, List.of(entry(1), entry(3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found 3 after 1");
        assertThatThrownBy(() -> new LedgerPage("r", 1, "h", null, List.of(entry(1), entry(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no entry past heldSeq 1");
        assertThat(new LedgerPage("r", 2, "h", null, List.of(entry(1), entry(2))).entries()).hasSize(2);
    }

    @Test
    void aMalformedRequestOrPageIsRefused() {
        assertThatThrownBy(() -> LedgerRequest.decode(new LedgerRequest("", 0, 10).encode(S1), S1))
                .isInstanceOf(BadMessageException.class).hasMessageContaining("needs a requestId");
        assertThatThrownBy(() -> LedgerRequest.decode(new LedgerRequest("r", -1, 10).encode(S1), S1))
                .isInstanceOf(BadMessageException.class).hasMessageContaining("afterSeq >= 0");
        assertThatThrownBy(() -> LedgerRequest.decode(new LedgerRequest("r", 0, 0).encode(S1), S1))
                .isInstanceOf(BadMessageException.class).hasMessageContaining("maxEntries >= 1");
        assertThatThrownBy(() -> LedgerPage.decode(new LedgerPage(null, 0, "h", null, List.of()).encode(S1), S1))
                .isInstanceOf(BadMessageException.class).hasMessageContaining("needs a requestId");
        assertThatThrownBy(() -> LedgerPage.decode(S1.seal("{}".getBytes(StandardCharsets.UTF_8)), S1))
                .isInstanceOf(BadMessageException.class).hasMessageStartingWith("not a ledger page");
    }
}
