package backroom.edge.cli;

import backroom.edge.Box;
import backroom.edge.ledger.ChainVerdict;
import backroom.edge.ledger.OfflineCheck;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backroom verify-ledger}: walks the hash chain offline, holds it to the verified points the
 * box recorded, and holds the money and stock tables to the entries that wrote them
 * ({@link Box#tableAudits()}); exit 1 names the first broken entry or disagreeing row.
 */
@Command(name = "verify-ledger", description = "Walk the ledger's hash chain and hold every table to it, offline; exit 1 if anything disagrees.")
final class VerifyLedgerCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Data folder (default: $BACKROOM_DATA_DIR or ./data).")
    private Path dataDir;

    @Override
    public Integer call() {
        Path dir = dataDir != null ? dataDir : Path.of(System.getenv().getOrDefault("BACKROOM_DATA_DIR", "data"));
        OfflineCheck.Result result;
        try {
            result = OfflineCheck.run(dir, Box.tableAudits());
        } catch (RuntimeException e) {
            System.err.println("verify-ledger: cannot read the ledger in " + dir.toAbsolutePath() + ": " + e.getMessage());
            System.err.println("(is the box still running? stop it first: the database is locked while it serves)");
            return 2;
        }
        ChainVerdict chain = result.audit().chain();
        if (!chain.intact()) {
            System.out.printf("ledger BROKEN at entry %d: %s (entries 1-%d verify)%n", chain.firstBrokenSeq(), chain.problem(), chain.head().seq());
        }
        result.verifiedPointProblems().forEach(problem -> System.out.println("ledger BROKEN: " + problem));
        if (result.audit().tableProblem() != null) {
            System.out.println("tables DISAGREE with the ledger: " + result.audit().tableProblem());
        }
        if (!result.intact()) {
            return 1;
        }
        System.out.printf("ledger OK: %d entries, head seq %d, hash %s; every table agrees with it%n",
                chain.entriesChecked(), chain.head().seq(), chain.head().hash());
        return 0;
    }
}
