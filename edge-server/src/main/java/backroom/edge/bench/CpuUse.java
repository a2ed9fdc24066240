package backroom.edge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time the process and the ledger writer's thread have used so far. On a shared 2-core
 * machine sales/s swing with whatever else runs; CPU time per sale does not, so the bench prints
 * both.
 */
record CpuUse(long processNanos, long writerNanos) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static CpuUse now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuUse(os.getProcessCpuTime(), writerCpuNanos());
    }

    CpuUse since(CpuUse earlier) {
        return new CpuUse(processNanos - earlier.processNanos, writerNanos - earlier.writerNanos);
    }

    static long currentThreadNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long writerCpuNanos() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("ledger-writer"))
                .mapToLong(thread -> THREADS.getThreadCpuTime(thread.threadId()))
                .findFirst()
                .orElse(0);
    }
}
