package backroom.edge.bumpbar;

import backroom.edge.testing.Api;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the bump bar tests read back: an order's status, and a wait for what a bar's key press does. */
final class OrderChecks {

    private OrderChecks() {
    }

    static String status(Api api, String orderId) {
        return api.get("/api/v1/orders/" + orderId).body().path("status").asText();
    }

    /** Waits up to 15 s for {@code done}: a key press reaches the kitchen on the bar's own thread. */
    static void awaitUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within 15 s");
            }
            Thread.sleep(10);
        }
    }
}
