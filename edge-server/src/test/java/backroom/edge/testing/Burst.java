package backroom.edge.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The same request sent {@code count} times as fast as {@code senders} clients can, all released
 * together, each client sending its share back to back on its keep-alive connection: a burst on
 * pre-opened connections, within the box's connection cap.
 */
public final class Burst {

    private Burst() {
    }

    public static List<Reply> of(int count, int senders, Supplier<Reply> request) {
        CountDownLatch ready = new CountDownLatch(senders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Reply>>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < senders; s++) {
                int share = count / senders + (s < count % senders ? 1 : 0);
                answers.add(clients.submit(() -> {
                    ready.countDown();
                    go.await();
                    List<Reply> replies = new ArrayList<>();
                    for (int i = 0; i < share; i++) {
                        replies.add(request.get());
                    }
                    return replies;
                }));
            }
            ready.await();
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<List<Reply>> answer : answers) {
                replies.addAll(answer.get());
            }
            return replies;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request of the burst failed", e.getCause());
        }
    }
}
