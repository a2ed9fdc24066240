package backroom.edge.metrics;

import backroom.edge.ledger.LedgerEntry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Ledger entries committed since the box started, by type ({@code sale.completed} is a sale):
 * told of each group once it is on disk, on the writer's thread, so it only adds.
 */
final class EntryCounts implements Consumer<List<LedgerEntry>> {

    private final Map<String, LongAdder> byType = new ConcurrentHashMap<>();

    @Override
    public void accept(List<LedgerEntry> committed) {
        for (LedgerEntry entry : committed) {
            byType.computeIfAbsent(entry.type(), type -> new LongAdder()).increment();
        }
    }

    /** Each type seen so far with its count, sorted by type so the page reads the same each time. */
    Map<String, Long> byType() {
        Map<String, Long> counts = new TreeMap<>();
        byType.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    long of(String type) {
        LongAdder count = byType.get(type);
        return count == null ? 0 : count.sum();
    }
}
