package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.cli.BackroomCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChainVerifierTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeTenEntries() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            for (int i = 1; i <= 10; i++) {
                int n = i;
                db.writer().submit((handle, ledger) -> ledger.append("test.noted", Map.of("grandTotal", 1000 * n)));
            }
        }
    }

    @Test
    void anUntouchedLedgerVerifies() {
        assertThat(verifyLedger()).isEqualTo(new Outcome(0, "ledger OK: 10 entries, head seq 10; every table agrees with it"));
    }

    @Test
    void anEditedPayloadIsCaughtAtItsEntry() {
        tamper("UPDATE ledger SET payload = '{\"grandTotal\":1}' WHERE seq = 4");

        Outcome outcome = verifyLedger();

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.firstLine()).startsWith("ledger BROKEN at entry 4: hash does not match");
    }

    @Test
    void anEditRehashedByTheTampererBreaksTheNextLink() {
        String forged = LedgerEntry.hashOf(6, "test.noted", java.time.Instant.EPOCH, "{\"grandTotal\":1}",
                "x".repeat(64));
        tamper("UPDATE ledger SET payload = '{\"grandTotal\":1}', prev_hash = '" + "x".repeat(64) + "', occurred_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00Z', hash = '" + forged + "' WHERE seq = 6");

        assertThat(verifyLedger().firstLine()).startsWith("ledger BROKEN at entry 6: prev_hash does not match");
    }

    @Test
    void theTablesAreNotHeldToEntriesFromWhereTheChainBreaks() {
        tamper("UPDATE ledger SET payload = '{\"grandTotal\":1}' WHERE seq = 4");
        List<Long> held = new ArrayList<>();
        List<Long> finishedFrom = new ArrayList<>();
        TableAudit disagreesAtSix = new TableAudit() {
            @Override
            public void check(AuditedTables tables, LedgerEntry entry) {
                held.add(entry.seq());
                if (entry.seq() == 6) {
                    throw new TableDisagreement("the row of entry 6 differs");
                }
            }

            @Override
            public void finish(AuditedTables tables, long fromSeq) {
                finishedFrom.add(fromSeq);
            }
        };

        AuditVerdict verdict;
        try (Handle handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            verdict = LedgerAudit.walk(handle, LedgerHead.EMPTY, List.of(disagreesAtSix));
        }

        assertThat(held).containsExactly(1L, 2L, 3L);
        assertThat(finishedFrom).isEmpty();
        assertThat(verdict.tableProblem()).as("rows are not held to entries that cannot be trusted").isNull();
        assertThat(verdict.problem()).startsWith("the hash chain breaks at entry 4: hash does not match");
    }

    @Test
    void aDeletedEntryIsCaughtAsAGap() {
        tamper("DELETE FROM ledger WHERE seq = 7");

        assertThat(verifyLedger().firstLine()).startsWith("ledger BROKEN at entry 7: entry 7 is missing");
    }

    @Test
    void theLastEntriesDeletedAreCaughtByTheVerifiedPointsTheChainNoLongerReaches() {
        tamper("DELETE FROM ledger WHERE seq > 5");

        Outcome outcome = verifyLedger();

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.firstLine()).isEqualTo("ledger BROKEN: the database's verified point says entry 10 was verified,"
                + " but the ledger ends at entry 5: entries were removed");
    }

    @Test
    void theLastEntriesDeletedWithTheDatabasesVerifiedPointAreCaughtByTheFileBesideIt() {
        tamper("DELETE FROM ledger WHERE seq > 5");
        try (var handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            handle.execute("DELETE FROM ledger_verified");
        }

        assertThat(verifyLedger().firstLine()).isEqualTo("ledger BROKEN: ledger.verified says entry 10 was verified,"
                + " but the ledger ends at entry 5: entries were removed");
    }

    @Test
    void theDatabaseItselfRefusesToUpdateOrDeleteAnEntry() {
        try (var handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            assertThatThrownBy(() -> handle.execute("UPDATE ledger SET type = 'x' WHERE seq = 2")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> handle.execute("DELETE FROM ledger WHERE seq = 10")).hasMessageContaining("append-only");
        }
        assertThat(verifyLedger().exitCode()).isZero();
    }

    /** A tamperer with the file can drop the trigger; the chain still gives them away. */
    private void tamper(String sql) {
        try (var handle = Jdbi.open(LedgerDatabase.urlFor(dir), "sa", "")) {
            handle.execute("DROP TRIGGER ledger_append_only");
            handle.execute(sql);
        }
    }

    private Outcome verifyLedger() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new BackroomCommand()).execute("verify-ledger", "--data", dir.toString());
            String firstLine = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
            return new Outcome(exit, firstLine.replaceAll(", hash [0-9a-f]{64}", ""));
        } finally {
            System.setOut(original);
        }
    }

    record Outcome(int exitCode, String firstLine) {
    }
}
