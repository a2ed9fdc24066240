package backroom.edge.ledger;

import java.nio.file.Path;

/**
 * The ledger database cannot be trusted as it is: it will not open, it is empty or missing on a
 * provisioned box, or its chain is broken. The box refuses to start and changes nothing; the
 * message names the file, the error and how to restore.
 */
public final class LedgerDamagedException extends RuntimeException {

    public LedgerDamagedException(Path file, String error, Throwable cause) {
        super(message(file, error), cause);
    }

    private static String message(Path file, String error) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        return """
                The ledger database %s cannot be used: %s
                Backroom has not changed, deleted or recreated it. To restore from a backup:
                  1. keep the damaged file: move it aside, e.g. mv %s %s.damaged
                  2. move aside the record of what was verified in it: mv %s/ledger.verified %s/ledger.verified.damaged
                  3. copy your newest backup of ledger.mv.db to %s
                  4. check the restored chain: ./backroom verify-ledger --data %s, then start the box again.
                Sales made after that backup are not in it.""".formatted(
                absolute, error, absolute, absolute, folder, folder, absolute, folder);
    }
}
