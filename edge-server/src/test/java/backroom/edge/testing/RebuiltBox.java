package backroom.edge.testing;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.sales.TimeOrderedIds;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;

/**
 * A box started on a folder rebuilt from a ledger's entries ({@link RebuiltCopy}), as a box
 * restored from HQ's copy starts: with the test boxes' bootstrap PIN, on a free port.
 */
public final class RebuiltBox {

    private RebuiltBox() {
    }

    /**
     * Every capability's audit but the stock room's while its replay is not in this branch: the stock
     * levels are written by {@code StockReplay}, merged beside the catalog's; with it in
     * {@link Box#tableReplays()}, this is {@link Box#tableAudits()}.
     */
    /** Whether the rebuilt folder's tables agree with its entries, every audit walking from the first entry. */
    public static boolean auditIntact(Path rebuilt) {
        return OfflineCheck.run(rebuilt, Box.tableAudits()).audit().intact();
    }

    /** A box on {@code folder} with the settings {@code configure} gives; closing it is the caller's. */
    public static Box start(Path folder, UnaryOperator<BoxConfig> configure) {
        TestClock clock = new TestClock();
        return Box.start(configure.apply(new BoxConfig("127.0.0.1", 0, folder, SignIn.TECHNICIAN_PIN)),
                LedgerDatabase.open(folder, clock, Box.tableAudits()), new TimeOrderedIds(clock, new SecureRandom()), clock);
    }
}
