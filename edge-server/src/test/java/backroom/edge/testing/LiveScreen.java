package backroom.edge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A kitchen screen or tablet on the box's live feed ({@code /ws}), through the JDK's WebSocket
 * client: it keeps every message it receives, in order, and how the box closed the feed.
 */
public final class LiveScreen implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private LiveScreen() {
    }

    /** Connects to {@code /ws?query}; throws {@link Refused} with the box's HTTP answer if the upgrade is refused. */
    public static LiveScreen connect(int port, String query) {
        LiveScreen screen = new LiveScreen();
        try {
            screen.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(WAIT)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws" + (query.isEmpty() ? "" : "?" + query)), screen)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return screen;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode(), String.valueOf(refused.getResponse().body()));
            }
            throw new IllegalStateException("could not connect to the live feed", e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("could not connect to the live feed", e);
        }
    }

    /** The box refused to open the feed: its HTTP status and body. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String body;

        Refused(int status, String body) {
            super(status + " " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    /** The next message, waiting up to ten seconds for it. */
    public JsonNode next() {
        try {
            JsonNode message = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no live message within " + WAIT.toSeconds() + " s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code count} messages. */
    public List<JsonNode> next(int count) {
        List<JsonNode> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(next());
        }
        return messages;
    }

    /** Messages received and not yet taken, without waiting. */
    public List<JsonNode> waiting() {
        List<JsonNode> messages = new ArrayList<>();
        received.drainTo(messages);
        return messages;
    }

    /** Sends a text message to the box. */
    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The close code the box sent, waiting up to ten seconds for it. */
    public int closeCode() {
        try {
            return closedWith.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the box did not close the live feed within " + WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isClosed() {
        return closedWith.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(MAPPER.readTree(partial.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedWith.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedWith.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
        socket.abort();
    }
}
