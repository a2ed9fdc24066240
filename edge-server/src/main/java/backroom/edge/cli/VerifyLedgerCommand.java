package backroom.edge.cli;

import backroom.edge.ledger.ChainVerdict;
import backroom.edge.ledger.ChainVerifier;
import backroom.edge.ledger.LedgerDatabase;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backroom verify-ledger}: walks the hash chain offline; exit 1 names the first broken entry. */
@Command(name = "verify-ledger", description = "Walk the ledger's hash chain offline; exit 1 if it is broken.")
final class VerifyLedgerCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Data folder (default: $BACKROOM_DATA_DIR or ./data).")
    private Path dataDir;

    @Override
    public Integer call() {
        Path dir = dataDir != null ? dataDir : Path.of(System.getenv().getOrDefault("BACKROOM_DATA_DIR", "data"));
        ChainVerdict verdict;
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dir), "sa", "")) {
            verdict = ChainVerifier.verifyAll(handle);
        } catch (RuntimeException e) {
            System.err.println("verify-ledger: cannot read the ledger in " + dir.toAbsolutePath() + ": " + e.getMessage());
            System.err.println("(is the box still running? stop it first: the database is locked while it serves)");
            return 2;
        }
        if (verdict.intact()) {
            System.out.printf("ledger OK: %d entries, head seq %d, hash %s%n",
                    verdict.entriesChecked(), verdict.head().seq(), verdict.head().hash());
            return 0;
        }
        System.out.printf("ledger BROKEN at entry %d: %s (entries 1-%d verify)%n",
                verdict.firstBrokenSeq(), verdict.problem(), verdict.head().seq());
        return 1;
    }
}
