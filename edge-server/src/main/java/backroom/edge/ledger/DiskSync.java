package backroom.edge.ledger;

import org.jdbi.v3.core.Handle;

/** How a committed group is forced to disk before its callers are answered. */
@FunctionalInterface
public interface DiskSync {

    /** H2's {@code CHECKPOINT SYNC}: writes what the commit left in memory and fsyncs the file. */
    DiskSync CHECKPOINT_SYNC = handle -> handle.execute("CHECKPOINT SYNC");

    /**
     * No sync: the commit reaches the operating system only. Survives {@code kill -9}, not a power
     * cut. Kept for the power-cut test's negative control and the benchmark's baseline.
     */
    DiskSync NONE = handle -> { };

    void force(Handle handle);
}
