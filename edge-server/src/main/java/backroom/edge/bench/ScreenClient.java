package backroom.edge.bench;

import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One kitchen screen on the box's live feed, as the bench sees it: when each entry (by seq) and
 * each notice (by its text) reached it.
 */
final class ScreenClient implements WebSocket.Listener, AutoCloseable {

    /** How the feed begins an entry's message. */
    private static final String ENTRY = "{\"seq\":";

    private final Map<Long, Long> entryArrivals = new ConcurrentHashMap<>();
    private final Map<String, Long> noticeArrivals = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private ScreenClient(int port, String query) throws Exception {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?" + query), this)
                .get(10, TimeUnit.SECONDS);
    }

    static ScreenClient connect(int port, String query) throws Exception {
        return new ScreenClient(port, query);
    }

    /** When the entry {@code seq} reached this screen (System.nanoTime), if it did. */
    Long entryArrival(long seq) {
        return entryArrivals.get(seq);
    }

    Long noticeArrival(String marker) {
        return noticeArrivals.get(marker);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            if (text.startsWith(ENTRY)) {
                // Only the seq is wanted: reading the whole entry would take the box's cores from it.
                entryArrivals.put(Long.parseLong(text.substring(ENTRY.length(), text.indexOf(',', ENTRY.length()))), now);
            } else {
                noticeArrived(text, now);
            }
        }
        webSocket.request(1);
        return null;
    }

    private void noticeArrived(String text, long now) {
        try {
            JsonNode message = Json.MAPPER.readTree(text);
            if (message.path("type").asText().equals("bench.mark")) {
                noticeArrivals.put(message.path("data").path("mark").asText(), now);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the box sent what is not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
