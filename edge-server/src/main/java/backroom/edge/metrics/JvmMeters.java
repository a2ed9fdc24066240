package backroom.edge.metrics;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The process's own figures under the names Prometheus' JVM clients use: heap and non-heap
 * memory, resident memory (from {@code /proc/self/status}, where there is one), threads,
 * garbage collection and the start time.
 */
final class JvmMeters {

    private static final Path STATUS = Path.of("/proc/self/status");

    private JvmMeters() {
    }

    static void write(PrometheusText text) {
        var memory = ManagementFactory.getMemoryMXBean();
        memory(text, Map.of("heap", memory.getHeapMemoryUsage(), "nonheap", memory.getNonHeapMemoryUsage()));
        residentBytes().ifPresent(rss -> text.single("process_resident_memory_bytes", "gauge",
                "Resident memory of the box's process in bytes (VmRSS).", rss));
        text.single("jvm_threads_live", "gauge", "Live threads of the JVM.", ManagementFactory.getThreadMXBean().getThreadCount());
        text.family("jvm_gc_collection_seconds", "summary", "Time spent in each garbage collector, and how many collections.");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            Map<String, String> label = Map.of("gc", gc.getName());
            text.sample("jvm_gc_collection_seconds_count", label, Math.max(0, gc.getCollectionCount()));
            text.sample("jvm_gc_collection_seconds_sum", label, Seconds.ofMillis(Math.max(0, gc.getCollectionTime())));
        }
        text.family("process_start_time_seconds", "gauge", "When the box's process started, in seconds since the epoch.")
                .sample("process_start_time_seconds", Map.of(), Seconds.ofMillis(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    private static void memory(PrometheusText text, Map<String, MemoryUsage> areas) {
        text.family("jvm_memory_used_bytes", "gauge", "Memory the JVM uses, by area.");
        areas.forEach((area, usage) -> text.sample("jvm_memory_used_bytes", Map.of("area", area), usage.getUsed()));
        text.family("jvm_memory_committed_bytes", "gauge", "Memory the JVM holds from the operating system, by area.");
        areas.forEach((area, usage) -> text.sample("jvm_memory_committed_bytes", Map.of("area", area), usage.getCommitted()));
        text.family("jvm_memory_max_bytes", "gauge", "The most memory the JVM may use, by area (-1: no limit).");
        areas.forEach((area, usage) -> text.sample("jvm_memory_max_bytes", Map.of("area", area), usage.getMax()));
    }

    /** {@code VmRSS:   123456 kB} in bytes; empty where the file or the line is missing. */
    static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or a line we do not know: no figure rather than a wrong one
        }
        return OptionalLong.empty();
    }
}
