package backroom.edge.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The store's H2 database file: opened once at start-up with {@code WRITE_DELAY=0}, migrated,
 * and handed out as a {@link Jdbi} for reads and one {@link LedgerWriter} for every write.
 */
public final class LedgerDatabase implements AutoCloseable {

    /** H2 appends {@code .mv.db}: the file is {@code <dataDir>/ledger.mv.db}. */
    public static final String FILE_NAME = "ledger";

    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;
    private final LedgerWriter writer;

    private LedgerDatabase(JdbcConnectionPool pool, Clock clock, DiskSync diskSync) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        try (Handle handle = jdbi.open()) {
            if (Migrations.apply(handle) > 0) {
                // Creating a database never fsyncs in H2: a power cut right after would leave an
                // empty file that H2 then opens as a brand-new database.
                diskSync.force(handle);
            }
        }
        this.writer = new LedgerWriter(jdbi.open(), clock, diskSync);
    }

    public static LedgerDatabase open(Path dataDir, Clock clock) {
        return open(urlFor(dataDir), clock, DiskSync.CHECKPOINT_SYNC);
    }

    /** Opens a database at a full H2 URL; tests use this for a file system of their own. */
    public static LedgerDatabase open(String url, Clock clock, DiskSync diskSync) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(32);
        return new LedgerDatabase(pool, clock, diskSync);
    }

    public static String urlFor(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the data folder " + dataDir, e);
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME) + settings();
    }

    /** For looking only: fails if there is no database, never creates one, writes nothing. */
    public static String readOnlyUrlFor(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
    }

    /**
     * WRITE_DELAY=0 hands every commit to the OS at once (H2's default lost 25,620 of 401,000
     * acknowledged commits to a kill -9 here). DB_CLOSE_ON_EXIT=FALSE: the box closes the
     * database itself, after the writer has finished, not in H2's own shutdown hook.
     * QUERY_CACHE_SIZE: a sale runs about twenty distinct statements; with H2's default of 8 parsed
     * statements per session the writer spent a fifth of its time re-parsing SQL.
     */
    public static String settings() {
        return ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128";
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public LedgerWriter writer() {
        return writer;
    }

    public ChainVerdict verifyChain() {
        return jdbi.withHandle(ChainVerifier::verifyAll);
    }

    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            pool.dispose();
        }
    }
}
