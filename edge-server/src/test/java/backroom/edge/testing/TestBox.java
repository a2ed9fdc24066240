package backroom.edge.testing;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.ledger.ChainVerdict;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.sales.TimeOrderedIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A real box for a test: H2 file in a temp folder, HTTP on a free loopback port, a clock the test
 * can move on, and a technician signed in on a paired terminal ({@link #api()}).
 */
public final class TestBox implements AutoCloseable {

    private static final AtomicInteger NEXT_PIN = new AtomicInteger(2000);

    private final Path dataDir;
    private final TestClock clock;
    private final Box box;
    private final Api api;

    private final UnaryOperator<BoxConfig> configure;

    private TestBox(Path dataDir, TestClock clock, UnaryOperator<BoxConfig> configure) {
        this(dataDir, clock, configure, true);
    }

    private TestBox(Path dataDir, TestClock clock, UnaryOperator<BoxConfig> configure, boolean signIn) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.configure = configure;
        this.box = Box.start(configure.apply(new BoxConfig("127.0.0.1", 0, dataDir, SignIn.TECHNICIAN_PIN)),
                LedgerDatabase.open(dataDir, clock, Box.tableAudits()),
                new TimeOrderedIds(clock, new SecureRandom()), clock);
        this.api = !signIn ? null : box.firstStart()
                .map(first -> SignIn.firstTechnician(box.port(), dataDir, first.pairingCode().code()))
                .orElseGet(() -> SignIn.technicianAgain(box.port(), dataDir));
    }

    public static TestBox start() {
        return start(UnaryOperator.identity());
    }

    /** A box whose settings {@code configure} changes first (to relay to a test's broker, say). */
    public static TestBox start(UnaryOperator<BoxConfig> configure) {
        try {
            return new TestBox(Files.createTempDirectory("backroom-test"), new TestClock(), configure);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A box started on a data folder a test made some other way (a ledger rebuilt from HQ, say),
     * signed in through its first start as a new box is.
     */
    public static TestBox startOn(Path dataDir, UnaryOperator<BoxConfig> configure) {
        return new TestBox(dataDir, new TestClock(), configure);
    }

    /** Starts again on the data of a box that was closed, and signs nobody in: the box itself writes nothing new. */
    public static TestBox restartUnattended(TestBox closed) {
        return new TestBox(closed.dataDir, closed.clock, closed.configure, false);
    }

    /** Starts again on the data of a box that was closed, with its clock and other settings ({@code configure}). */
    public static TestBox restart(TestBox closed, UnaryOperator<BoxConfig> configure) {
        return new TestBox(closed.dataDir, closed.clock, configure);
    }

    /** Starts again on the data of a box that was closed, with its clock. */
    public static TestBox restart(TestBox closed) {
        return new TestBox(closed.dataDir, closed.clock, closed.configure);
    }

    /** The technician, signed in on the box's first terminal. */
    public Api api() {
        if (api == null) {
            throw new IllegalStateException("this box was started again with nobody signed in");
        }
        return api;
    }

    /** Nobody: no token at all. */
    public Api anonymous() {
        return api.as(null);
    }

    /** A newly paired device of {@code kind} (terminal, kds, kiosk) with nobody signed in. */
    public Api newDevice(String kind) {
        return api.as(pairDevice(kind));
    }

    /** A new staff member of {@code role} signed in on a new device of {@code kind}. */
    public Api signedIn(String role, String kind) {
        String pin = Integer.toString(NEXT_PIN.getAndIncrement());
        addStaff(role + " " + pin, role, pin);
        return api.as(SignIn.session(box.port(), pairDevice(kind), pin));
    }

    /** A new staff member of {@code role} signed in on a new terminal. */
    public Api signedIn(String role) {
        return signedIn(role, "terminal");
    }

    public String pairDevice(String kind) {
        Reply code = api.post("/api/v1/devices/pairing-codes", Map.of("name", "Test " + kind, "kind", kind));
        if (code.status() != 201) {
            throw new AssertionError("could not make a pairing code: " + code);
        }
        return SignIn.pair(box.port(), code.field("code"));
    }

    public String addStaff(String name, String role, String pin) {
        Reply added = api.post("/api/v1/staff", Map.of("name", name, "role", role, "pin", pin));
        if (added.status() != 201) {
            throw new AssertionError("could not add staff: " + added);
        }
        return added.field("staffId");
    }

    public Box box() {
        return box;
    }

    public TestClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return box.port();
    }

    public long headSeq() {
        return box.database().writer().head().seq();
    }

    public ChainVerdict verifyChain() {
        return box.database().verifyChain();
    }

    /**
     * Stops the box, then holds its whole ledger and every table to each other as verify-ledger
     * does (whatever a test did through the API must leave tables that agree with the entries),
     * and keeps its data folder for {@link #restart}.
     */
    public void stop() {
        box.close();
        OfflineCheck.Result check = OfflineCheck.run(dataDir, Box.tableAudits());
        if (!check.intact()) {
            throw new AssertionError("the box's ledger and tables disagree after its test: " + check);
        }
    }

    /** {@link #stop()}, then deletes the data folder: a test leaves no folder behind. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            deleteData();
        }
    }

    /** Deletes the data folder of a box that is stopped (or that never started again). */
    public void deleteData() {
        TempFolders.delete(dataDir);
    }
}
