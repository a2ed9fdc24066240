package backroom.edge.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code clients} threads each ringing the worked-example sale over its own keep-alive HTTP
 * connection, one after another, for
 * a fixed time after a warm-up. Every request has its own Idempotency-Key, so every one is a new
 * sale with its own fsync'd group commit.
 */
final class HttpSalesLoad {

    private final int port;
    private final String token;
    private final String body;

    HttpSalesLoad(int port, BenchTill till) {
        this.port = port;
        this.token = till.token();
        this.body = till.workedExampleSale();
    }

    Result run(int clients, Duration warmUp, Duration measure) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong failures = new AtomicLong();
        AtomicLong sales = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        CpuUse before = CpuUse.now();
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().name("bench-client-" + i).start(() -> ring(measureFrom, end, latencies, failures, sales, clientCpu)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        CpuUse used = CpuUse.now().since(before);
        double seconds = measure.toNanos() / 1e9;
        long rung = Math.max(1, sales.get());
        return new Result(clients, latencies.count() / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), failures.get(), (used.processNanos() - clientCpu.get()) / 1e3 / rung,
                used.writerNanos() / 1e3 / rung, clientCpu.get() / 1e3 / rung);
    }

    private void ring(long measureFrom, long end, Latencies latencies, AtomicLong failures, AtomicLong sales, AtomicLong clientCpu) {
        try (KeepAliveClient client = new KeepAliveClient(port, token)) {
            for (long start = System.nanoTime(); start < end; start = System.nanoTime()) {
                int status = client.post("/api/v1/sales", UUID.randomUUID().toString(), body);
                long done = System.nanoTime();
                if (status != 201) {
                    failures.incrementAndGet();
                    continue;
                }
                sales.incrementAndGet();
                if (start >= measureFrom && done <= end) {
                    latencies.add(done - start);
                }
            }
        } catch (IOException e) {
            failures.incrementAndGet();
        }
        clientCpu.addAndGet(CpuUse.currentThreadNanos());
    }

    /**
     * Sales per second and latency percentiles at one level of concurrency, and the CPU each sale
     * cost the box (process less the load clients' threads), its ledger writer and the client.
     */
    record Result(int clients, double salesPerSecond, double p50Millis, double p99Millis, long failures,
                  double boxCpuMicros, double writerCpuMicros, double clientCpuMicros) {
    }
}
