package backroom.relay.uplink;

/**
 * Entries per batch now: the settings' size while the link carries batches, halved (down to
 * {@value #SMALLEST}) each time a connection ends or an ack times out with nothing acked, doubled
 * back on each ack. On a slow link that drops every second, a full batch never got through
 * (measured: 6,000 sales, 64 KB/s, a cut every 0.1-0.4 s: not one entry acked in 120 s).
 */
final class BatchSize {

    static final int SMALLEST = 10;

    private final int largest;
    private int now;

    BatchSize(int largest) {
        this.largest = largest;
        this.now = largest;
    }

    int entries() {
        return now;
    }

    /** Returns whether it shrank. */
    boolean nothingAcked() {
        if (now <= SMALLEST) {
            return false;
        }
        now = Math.max(SMALLEST, now / 2);
        return true;
    }

    void acked() {
        now = Math.min(largest, now * 2);
    }
}
