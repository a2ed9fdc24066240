package backroom.edge.cli;

import backroom.edge.access.FirstStart;
import backroom.edge.ledger.DataFolder;
import java.io.Console;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * How a new box hands over its technician PIN and first pairing code: printed when someone
 * watches the box's terminal; otherwise (a service, whose output goes to the journal that every
 * administrator and log shipper reads) written to an owner-only file in the data folder, and only
 * that file's name is printed.
 */
final class FirstStartNotice {

    static final String FILE_NAME = "first-start.txt";

    private FirstStartNotice() {
    }

    static void show(FirstStart first, Path dataDir, PrintStream out, boolean terminal) {
        String secrets = "Technician PIN: " + first.technicianPin() + "\n"
                + "Pairing code: " + first.pairingCode().code() + "\n"
                + "(the pairing code pairs one terminal until " + first.pairingCode().expiresAt()
                + "; ./backroom pairing-code prints a new one at any time)\n";
        out.println("This box is new. To set it up, pair a device with the pairing code (POST /api/v1/devices/pair),");
        out.println("then sign in on it with the technician PIN (POST /api/v1/sessions). Both are shown only once.");
        if (terminal) {
            out.print(secrets);
            return;
        }
        try {
            DataFolder.writeDurably(dataDir, FILE_NAME, secrets);
        } catch (UncheckedIOException e) {
            // Shown nowhere else, the technician PIN would be lost for good: the log is the lesser harm.
            out.println("They could not be written to " + dataDir.toAbsolutePath().resolve(FILE_NAME) + " (" + e.getMessage()
                    + "), so they are shown here, once:");
            out.print(secrets);
            return;
        }
        out.println("They are in " + dataDir.toAbsolutePath().resolve(FILE_NAME)
                + " (readable by the box's user only; delete it once read), not in this log.");
    }

    /**
     * Whether a person's terminal is attached. On Java 22 and later {@link System#console()} is
     * there even when output is redirected and {@code Console.isTerminal()} tells; the box is built
     * for Java 21, where a console exists only on a terminal, so the method is looked up by name.
     */
    static boolean terminalAttached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
