package backroom.edge.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The store's H2 database file: checked, opened once at start-up with {@code WRITE_DELAY=0},
 * migrated, its chain verified since the last verified point, and handed out as a {@link Jdbi}
 * for reads and one {@link LedgerWriter} for every write.
 */
public final class LedgerDatabase implements AutoCloseable {

    /** H2 appends {@code .mv.db}: the file is {@code <dataDir>/ledger.mv.db}. */
    public static final String FILE_NAME = "ledger";

    private final SwappableDataSource dataSource;
    private final Jdbi jdbi;
    private final LedgerWriter writer;

    private LedgerDatabase(String url, Clock clock, DiskSync diskSync, Consumer<LedgerHead> onVerified, List<TableAudit> audits) {
        Path file = fileOf(url);
        this.dataSource = new SwappableDataSource(url);
        this.jdbi = Jdbi.create(dataSource);
        try (Handle handle = jdbi.open()) {
            Migrations.apply(handle);
            AuditVerdict audit = VerifiedPoint.checkSince(handle, audits);
            if (!audit.intact()) {
                throw new LedgerDamagedException(file, audit.problem()
                        + " (./backroom verify-ledger walks the whole chain and holds every table to it)", null);
            }
            VerifiedPoint.record(handle, audit.chain().head(), clock.instant());
            // Creating a database never fsyncs in H2: a power cut right after would leave an empty
            // file that H2 then opens as a brand-new database.
            diskSync.force(handle);
            onVerified.accept(audit.chain().head());
        } catch (LedgerDamagedException e) {
            dataSource.dispose();
            throw e;
        } catch (RuntimeException e) {
            dataSource.dispose();
            LedgerInUseException.throwIfLocked(file, e);
            throw new LedgerDamagedException(file, e.getMessage(), e);
        }
        this.writer = new LedgerWriter(jdbi, this::reopen, clock, diskSync, onVerified);
    }

    /**
     * Opens the box's ledger in {@code dataDir}, refusing a file that is damaged or missing, whose
     * chain breaks after the verified point, or whose tables disagree with those entries.
     */
    public static LedgerDatabase open(Path dataDir, Clock clock, List<TableAudit> audits) {
        LedgerDatabase database = new LedgerDatabase(LedgerFile.checkedUrl(dataDir), clock, DiskSync.CHECKPOINT_SYNC,
                head -> LedgerFile.recordVerified(dataDir, head), audits);
        LedgerFile.markProvisioned(dataDir, clock.instant());
        DataFolder.restrictToOwner(dataDir);
        return database;
    }

    /** Opens a ledger whose chain alone is checked: for tools and tests of the ledger itself, with entries of their own. */
    public static LedgerDatabase open(Path dataDir, Clock clock) {
        return open(dataDir, clock, List.of());
    }

    /** Opens a database at a full H2 URL, its chain alone checked; tests use this for a file system of their own. */
    public static LedgerDatabase open(String url, Clock clock, DiskSync diskSync) {
        return new LedgerDatabase(url, clock, diskSync, head -> { }, List.of());
    }

    /** Whether a box has ever created its ledger in {@code dataDir}. */
    public static boolean isProvisioned(Path dataDir) {
        return java.nio.file.Files.exists(dataDir.resolve(LedgerFile.PROVISIONED));
    }

    public static String urlFor(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME) + settings();
    }

    /** For looking only: fails if there is no database, never creates one, writes nothing. */
    public static String readOnlyUrlFor(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0";
    }

    /**
     * WRITE_DELAY=0 hands every commit to the OS at once (H2's default lost 25,620 of 401,000
     * acknowledged commits to a kill -9 here). DB_CLOSE_ON_EXIT=FALSE: the box closes the
     * database itself, after the writer has finished, not in H2's own shutdown hook.
     * QUERY_CACHE_SIZE: a sale runs about twenty distinct statements; with H2's default of 8 parsed
     * statements per session the writer spent a fifth of its time re-parsing SQL.
     * PAGE_SIZE=1024: H2 copies a whole page on every change and writes every changed page again
     * at each commit, two thirds of the writer's time per sale. Half the default page halved what
     * a sale allocates there (p99 19-26 ms against 19-30 ms); half again moved the writer from
     * 88-111 to 72-111 us per sale and 32 clients from 6,724-7,829 to 5,948-9,495 sales/s over
     * four alternating runs of {@code bench sales} each: a small gain at best, within this VM's
     * spread, and no loss (512 and 4096 did no better).
     * TRACE_LEVEL_FILE=0: H2 otherwise logs its errors to {@code ledger.trace.db} beside the
     * database, a file that grows on an SD card; the box reports its failures itself, to the journal.
     * WRITE_DELAY=0 also stops H2's background compaction: {@link LedgerCompaction} packs the file.
     */
    public static String settings() {
        return ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128;PAGE_SIZE=1024;TRACE_LEVEL_FILE=0";
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public LedgerWriter writer() {
        return writer;
    }

    /**
     * Up to {@code limit} entries after {@code afterSeq}, in seq order, and only entries already
     * forced to disk: what a screen is shown must survive a power cut.
     */
    public List<LedgerEntry> durableEntriesAfter(long afterSeq, int limit) {
        long durable = writer.head().seq();
        return afterSeq >= durable ? List.of() : jdbi.withHandle(handle -> LedgerTable.between(handle, afterSeq, durable, limit));
    }

    public ChainVerdict verifyChain() {
        return jdbi.withHandle(ChainVerifier::verifyAll);
    }

    /** A new pool on the same file; called by the writer after a group could not be made durable. */
    private Handle reopen() {
        dataSource.reopen();
        return jdbi.open();
    }

    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            dataSource.dispose();
        }
    }

    /** {@code jdbc:h2:file:/data/ledger;...} names the file {@code /data/ledger.mv.db}. */
    private static Path fileOf(String url) {
        String rest = url.substring("jdbc:h2:".length());
        String path = rest.substring(rest.indexOf(':') + 1);
        int settings = path.indexOf(';');
        return Path.of((settings < 0 ? path : path.substring(0, settings)) + ".mv.db");
    }
}
