package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * A call made on a platform thread of its own, for tests of what waits for what: the test sees
 * the call park (queued behind the writer, or in a join), then takes its outcome.
 */
final class Caller<T> {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Set<Thread.State> PARKED = EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.TERMINATED);

    private final FutureTask<T> task;
    private final Thread thread;

    private Caller(FutureTask<T> task) {
        this.task = task;
        this.thread = Thread.ofPlatform().daemon(true).start(task);
    }

    static <T> Caller<T> start(Callable<T> call) {
        return new Caller<>(new FutureTask<>(call));
    }

    static Caller<Void> run(Runnable call) {
        return new Caller<>(new FutureTask<>(call, null));
    }

    /** Waits (ten seconds at most) until the call is parked waiting for something, or is over. */
    Caller<T> awaitParked() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!PARKED.contains(thread.getState()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(PARKED).as("the call parked").contains(thread.getState());
        return this;
    }

    /** Whether the call is still under way. */
    boolean isWaiting() {
        return thread.isAlive();
    }

    /** Holds the calling thread (a write on the writer's, a check on the walk's) until the test counts {@code release} down. */
    static void holdUntil(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the call returned; throws what it threw, wrapped, or a timeout after ten seconds. */
    T outcome() throws Exception {
        return task.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
}
