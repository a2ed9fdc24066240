package backroom.edge.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends entries to the ledger inside the writer's open transaction. Only the ledger writer's
 * thread holds one, so the head needs no lock; a write that is rolled back to its savepoint
 * rewinds the head with {@link #rewindTo}.
 *
 * <p>An entry's time never goes backwards: while the wall clock reads earlier than the newest
 * entry (it was stepped back, or had run ahead), entries take the newest entry's time, and the
 * writer records the clock's lag once in a {@code clock.behind} entry.
 */
public final class LedgerAppender {

    private static final String INSERT = """
            INSERT INTO ledger (seq, type, occurred_at, payload, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    private final WriterStatements statements;
    private final Clock clock;
    private final List<LedgerEntry> appended = new ArrayList<>();
    private LedgerHead head;
    private Instant newest;
    private Instant writeTime;

    LedgerAppender(WriterStatements statements, Clock clock, LedgerHead head, Instant newest) {
        this.statements = statements;
        this.clock = clock;
        this.head = head;
        this.newest = newest;
    }

    /**
     * Fixes the time of the write about to run: its rows and its entries all carry the same
     * instant, so a sale's {@code sold_at} is its entry's {@code occurred_at} to the millisecond.
     */
    void startWrite() {
        Instant wall = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        writeTime = wall.isBefore(newest) ? newest : wall;
    }

    /** Appends one entry whose payload is {@code payload} written as canonical JSON; returns its seq. */
    public long append(String type, Object payload) {
        LedgerEntry entry = LedgerEntry.seal(head.seq() + 1, type, now(), CanonicalJson.write(payload), head.hash());
        statements.update(INSERT, entry.seq(), entry.type(), entry.occurredAt().atOffset(ZoneOffset.UTC),
                entry.payload(), entry.prevHash(), entry.hash());
        head = new LedgerHead(entry.seq(), entry.hash());
        newest = entry.occurredAt();
        appended.add(entry);
        return entry.seq();
    }

    /** The hash of the newest entry: after {@link #append}, that entry's (a receipt prints its sale's). */
    public String headHash() {
        return head.hash();
    }

    /** The writer's prepared statements, for the hottest inserts of a write. */
    public WriterStatements statements() {
        return statements;
    }

    /** The seq the next entry will get. */
    public long nextSeq() {
        return head.seq() + 1;
    }

    /** When this write happens, to the millisecond, as the ledger records it: never before the newest entry. */
    public Instant now() {
        if (writeTime == null) {
            startWrite();
        }
        return writeTime;
    }

    /** The time of the newest entry, this group's included. */
    Instant newest() {
        return newest;
    }

    LedgerHead head() {
        return head;
    }

    /** Forgets the entries of a write rolled back to its savepoint; its time goes with them. */
    void rewindTo(LedgerHead earlier, Instant newestBefore) {
        head = earlier;
        newest = newestBefore;
        appended.removeIf(entry -> entry.seq() > earlier.seq());
    }

    /** The entries this group appended and kept, in seq order. */
    List<LedgerEntry> appended() {
        return List.copyOf(appended);
    }
}
