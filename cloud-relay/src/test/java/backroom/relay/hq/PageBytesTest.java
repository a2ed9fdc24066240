package backroom.relay.hq;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.relay.wire.RelayBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page of a store's ledger stops before its payloads pass the cap, but always carries one entry. */
class PageBytesTest {

    private static RelayBatch.Entry entry(long seq, int payloadChars) {
        return new RelayBatch.Entry(seq, "catalog.imported", "2026-11-23T08:00:00Z", "x".repeat(payloadChars), "p", "h");
    }

    @Test
    void entriesPastTheCapWaitForTheNextPage() {
        int third = HqLedger.PAGE_PAYLOAD_CHARS / 3;
        List<RelayBatch.Entry> four = List.of(entry(1, third), entry(2, third), entry(3, third), entry(4, third));
        assertThat(HqLedger.withinPageBytes(four)).extracting(RelayBatch.Entry::seq).containsExactly(1L, 2L, 3L);
        List<RelayBatch.Entry> exactly = List.of(entry(1, HqLedger.PAGE_PAYLOAD_CHARS - 1), entry(2, 1), entry(3, 1));
        assertThat(HqLedger.withinPageBytes(exactly)).extracting(RelayBatch.Entry::seq).containsExactly(1L, 2L);
    }

    @Test
    void anEntryLargerThanTheCapStillGoesAlone() {
        List<RelayBatch.Entry> huge = List.of(entry(1, HqLedger.PAGE_PAYLOAD_CHARS + 1), entry(2, 1));
        assertThat(HqLedger.withinPageBytes(huge)).extracting(RelayBatch.Entry::seq).containsExactly(1L);
        assertThat(HqLedger.withinPageBytes(List.of())).isEmpty();
    }
}
