package backroom.edge.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;

/**
 * One walk over the entries after a trusted point: each entry's place in the hash chain, then the
 * rows it wrote, through every capability's {@link TableAudit}. The tables are checked only while
 * the chain holds: a row cannot be held to an entry that is itself not to be trusted.
 */
public final class LedgerAudit {

    private LedgerAudit() {
    }

    /** Walks the entries after {@code from}, which must itself be a trusted point of the chain. */
    public static AuditVerdict walk(Handle handle, LedgerHead from, List<TableAudit> audits) {
        return walk(handle, from, audits, () -> false);
    }

    /** The same walk, given up between two entries once {@code stop} says so ({@link CancellationException}). */
    static AuditVerdict walk(Handle handle, LedgerHead from, List<TableAudit> audits, BooleanSupplier stop) {
        ChainVerifier.Walk chain = new ChainVerifier.Walk(from);
        String[] tableProblem = new String[1];
        try (AuditedTables tables = new AuditedTables(handle)) {
            LedgerTable.forEachAfter(handle, from.seq(), entry -> {
                if (stop.getAsBoolean()) {
                    throw new CancellationException("the walk was stopped at entry " + entry.seq());
                }
                chain.check(entry);
                if (chain.intact() && tableProblem[0] == null) {
                    tableProblem[0] = firstDisagreement(() -> audits.forEach(audit -> audit.check(tables, entry)));
                }
            });
            if (chain.intact() && tableProblem[0] == null) {
                tableProblem[0] = firstDisagreement(() -> audits.forEach(audit -> audit.finish(tables, from.seq())));
            }
        }
        return new AuditVerdict(chain.verdict(), chain.intact() ? tableProblem[0] : null);
    }

    /** An entry's payload as a JSON tree, for audits to read fields from. */
    public static JsonNode payload(LedgerEntry entry) {
        try {
            return CanonicalJson.read(entry.payload());
        } catch (JsonProcessingException e) {
            throw new TableDisagreement(ExpectedRow.said(entry) + " has a payload that is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The first disagreement {@code check} finds, or null. */
    private static String firstDisagreement(Runnable check) {
        try {
            check.run();
            return null;
        } catch (TableDisagreement e) {
            return e.getMessage();
        }
    }
}
