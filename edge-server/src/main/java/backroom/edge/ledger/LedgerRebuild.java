package backroom.edge.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A ledger written again, entry for entry, from a copy of it (HQ's, for a box whose disk died),
 * into a folder that holds none, with every capability's tables rebuilt from the entries by its
 * {@link TableReplay}. An entry is taken only as it was sealed: it must hash to its own hash and
 * chain on the one before it, so a copy changed on its way, or with an entry missing, stops the
 * rebuild at that entry. Each page of entries goes in with its rows in one transaction, forced to
 * disk before the next page is taken.
 */
public final class LedgerRebuild implements AutoCloseable {

    private static final String INSERT = """
            INSERT INTO ledger (seq, type, occurred_at, payload, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    private final Handle handle;
    private final RebuiltTables tables;
    private final List<TableReplay> replays;
    private LedgerHead head = LedgerHead.EMPTY;

    private LedgerRebuild(Handle handle, List<TableReplay> replays) {
        this.handle = handle;
        this.tables = new RebuiltTables(handle, new WriterStatements(handle.getConnection()));
        this.replays = List.copyOf(replays);
    }

    /** Starts a ledger in {@code folder}, which must hold none, with the box's schema and no entry. */
    public static LedgerRebuild into(Path folder, List<TableReplay> replays) {
        DataFolder.create(folder);
        if (Files.exists(folder.resolve(LedgerFolder.DATABASE))) {
            throw new IllegalStateException(folder + " already holds a ledger; a rebuild starts from none");
        }
        Handle handle = Jdbi.open(LedgerDatabase.urlFor(folder), "sa", "");
        try {
            Migrations.apply(handle);
            return new LedgerRebuild(handle, replays);
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /**
     * Adds {@code entries}, which must run on from the head without a gap, and the rows they wrote.
     *
     * @throws BrokenCopyException naming the first entry that does not chain on, with nothing of this page kept
     * @throws ReplayFailedException naming the entry whose rows a replay could not write, with nothing of this page kept
     */
    public void add(List<LedgerEntry> entries) {
        LedgerHead before = head;
        handle.begin();
        try {
            for (LedgerEntry entry : entries) {
                requireChainsOn(entry);
                tables.statements().update(INSERT, entry.seq(), entry.type(), entry.occurredAt().atOffset(ZoneOffset.UTC),
                        entry.payload(), entry.prevHash(), entry.hash());
                for (TableReplay replay : replays) {
                    replayed(replay, entry);
                }
                head = new LedgerHead(entry.seq(), entry.hash());
            }
            handle.commit();
        } catch (RuntimeException e) {
            head = before;
            handle.rollback();
            throw e;
        }
        DiskSync.CHECKPOINT_SYNC.force(handle);
    }

    /**
     * Rebuilds from the whole of {@code copy}, page after page until it holds no more, then
     * {@link #finish}es; tells {@code progress} the head after each page. Returns the head.
     */
    public LedgerHead copy(LedgerCopy copy, LongConsumer progress) {
        for (List<LedgerEntry> page = copy.pageAfter(head.seq()); !page.isEmpty(); page = copy.pageAfter(head.seq())) {
            add(page);
            progress.accept(head.seq());
        }
        finish();
        return head;
    }

    /** Writes what follows from all the entries together; call once, after the last page. */
    public void finish() {
        handle.begin();
        try {
            for (TableReplay replay : replays) {
                replay.finish(tables);
            }
            handle.commit();
        } catch (RuntimeException e) {
            handle.rollback();
            throw e;
        }
        DiskSync.CHECKPOINT_SYNC.force(handle);
    }

    /** The newest entry rebuilt so far. */
    public LedgerHead head() {
        return head;
    }

    private void replayed(TableReplay replay, LedgerEntry entry) {
        try {
            replay.replay(tables, entry);
        } catch (RuntimeException e) {
            throw new ReplayFailedException(entry, replay, e);
        }
    }

    private void requireChainsOn(LedgerEntry entry) {
        String problem = null;
        if (entry.seq() != head.seq() + 1) {
            problem = "entry " + entry.seq() + " came where entry " + (head.seq() + 1) + " was due";
        } else if (!entry.prevHash().equals(head.hash())) {
            problem = "entry " + entry.seq() + " does not chain on entry " + head.seq() + " (its prev_hash is not that entry's hash)";
        } else if (!entry.hashMatches()) {
            problem = "entry " + entry.seq() + " (" + entry.type() + ") does not hash to its own hash: it was changed";
        }
        if (problem != null) {
            throw new BrokenCopyException(problem);
        }
    }

    @Override
    public void close() {
        tables.statements().close();
        handle.close();
    }
}
