package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ledger's hash as its documentation states it, recomputed here with the JDK alone: SHA-256,
 * as 64 lower-case hex digits, over the UTF-8 bytes of
 * {@code prev_hash + "\n" + seq + "\n" + type + "\n" + occurredAtEpochMillis + "\n" + payload},
 * with 64 zeros as the first entry's prev_hash. Every column the formula names is covered: a
 * change to any one of them, and to nothing else, breaks the chain at that very entry.
 */
class EntryHashTest {

    private static final Instant NINE_FIFTEEN = Instant.parse("2026-11-23T09:15:02.117Z");

    @TempDir
    Path dir;

    @BeforeEach
    void writeFiveEntries() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.fixed(NINE_FIFTEEN, ZoneOffset.UTC))) {
            for (int i = 1; i <= 5; i++) {
                int n = i;
                db.writer().submit((handle, ledger) -> ledger.append("test.noted", Map.of("grandTotal", 1000 * n, "note", "café")));
            }
        }
    }

    @Test
    void everyEntrysHashIsTheDocumentedFormulaOverItsColumnsAndItsPredecessorsHash() throws Exception {
        List<Row> rows = rows();

        assertThat(rows).extracting(Row::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        String previous = "0".repeat(64);
        for (Row row : rows) {
            assertThat(row.prevHash()).as("prev_hash of entry %d", row.seq()).isEqualTo(previous);
            String material = row.prevHash() + "\n" + row.seq() + "\n" + row.type() + "\n" + row.occurredAt().toEpochMilli()
                    + "\n" + row.payload();
            assertThat(row.hash()).as("hash of entry %d", row.seq()).isEqualTo(sha256Hex(material)).matches("[0-9a-f]{64}");
            previous = row.hash();
        }
        assertThat(rows.get(2).type()).isEqualTo("test.noted");
        assertThat(rows.get(2).occurredAt()).isEqualTo(NINE_FIFTEEN);
        assertThat(rows.get(2).payload()).isEqualTo("{\"grandTotal\":3000,\"note\":\"café\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the type                     | UPDATE ledger SET type = 'test.noted2' WHERE seq = 3                                   | hash does not match the entry's contents (the row was changed)
            the time, by one millisecond | UPDATE ledger SET occurred_at = DATEADD(MILLISECOND, 1, occurred_at) WHERE seq = 3      | hash does not match the entry's contents (the row was changed)
            the payload                  | UPDATE ledger SET payload = '{"grandTotal":3001,"note":"café"}' WHERE seq = 3          | hash does not match the entry's contents (the row was changed)
            the previous hash            | UPDATE ledger SET prev_hash = (SELECT hash FROM ledger WHERE seq = 1) WHERE seq = 3    | prev_hash does not match the hash of entry 2
            """)
    void changingOneColumnTheHashCoversBreaksTheChainAtThatEntry(String column, String change, String why) {
        tamper(change);

        ChainVerdict verdict = verify();

        assertThat(verdict.intact()).as("the chain after changing " + column).isFalse();
        assertThat(verdict.firstBrokenSeq()).isEqualTo(3);
        assertThat(verdict.problem()).isEqualTo(why);
        assertThat(verdict.head().seq()).as("the last entry that held").isEqualTo(2);
    }

    @Test
    void theUntouchedChainVerifiesToItsHead() {
        ChainVerdict verdict = verify();

        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.entriesChecked()).isEqualTo(5);
        assertThat(verdict.head()).isEqualTo(new LedgerHead(5, rows().get(4).hash()));
    }

    /** The walk verify-ledger makes, on the file as the tamperer left it. */
    private ChainVerdict verify() {
        try (var handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            return ChainVerifier.verifyAll(handle);
        }
    }

    /** A tamperer with the file drops the append-only trigger first. */
    private void tamper(String sql) {
        try (var handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            handle.execute("DROP TRIGGER ledger_append_only");
            assertThat(handle.execute(sql)).isEqualTo(1);
        }
    }

    private List<Row> rows() {
        try (var handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            return handle.createQuery("SELECT seq, type, occurred_at, payload, prev_hash, hash FROM ledger ORDER BY seq")
                    .map((rs, ctx) -> new Row(rs.getLong("seq"), rs.getString("type"),
                            rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("payload"),
                            rs.getString("prev_hash"), rs.getString("hash")))
                    .list();
        }
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    record Row(long seq, String type, Instant occurredAt, String payload, String prevHash, String hash) {
    }
}
