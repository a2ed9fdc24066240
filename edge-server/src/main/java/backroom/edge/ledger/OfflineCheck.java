package backroom.edge.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What {@code backroom verify-ledger} finds in a stopped box's data folder, read only: the whole
 * hash chain, every table held to every entry, and the chain held to the verified points the box
 * recorded (in the database and in {@code ledger.verified}): a ledger whose last entries were
 * deleted chains perfectly up to its new head, but no longer reaches an entry that was verified.
 */
public final class OfflineCheck {

    private OfflineCheck() {
    }

    /** The walk's verdict, and what the verified points say of the chain (empty when they agree). */
    public record Result(AuditVerdict audit, List<String> verifiedPointProblems) {

        public boolean intact() {
            return audit.intact() && verifiedPointProblems.isEmpty();
        }
    }

    public static Result run(Path dataDir, List<TableAudit> audits) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            AuditVerdict audit = LedgerAudit.walk(handle, LedgerHead.EMPTY, audits);
            List<String> problems = new ArrayList<>();
            held(handle, VerifiedPoint.read(handle), "the database's verified point", problems);
            held(handle, LedgerFile.readVerified(dataDir), LedgerFile.VERIFIED, problems);
            return new Result(audit, problems);
        }
    }

    private static void held(Handle handle, LedgerHead verified, String where, List<String> problems) {
        if (verified.seq() == 0) {
            return;
        }
        long head = LedgerTable.head(handle).seq();
        if (head < verified.seq()) {
            problems.add(where + " says entry " + verified.seq() + " was verified, but the ledger ends at entry " + head
                    + ": entries were removed");
        } else if (!verified.hash().equals(LedgerTable.hashAt(handle, verified.seq()))) {
            problems.add(where + " says entry " + verified.seq() + " was verified with hash " + verified.hash()
                    + ", but the ledger's entry " + verified.seq() + " now has another");
        }
    }
}
