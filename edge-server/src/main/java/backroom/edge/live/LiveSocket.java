package backroom.edge.live;

import backroom.edge.access.Caller;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.web.Json;
import backroom.edge.web.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One screen's live connection. Its own virtual thread sends: first every durable entry after
 * {@code since}, read from the ledger page by page, then the entries the writer queued since the
 * socket joined, skipping any already sent: nothing is missed or sent twice. The socket joins
 * before it reads, so an entry committed during the replay is either read or queued. A socket
 * that falls {@value #MAX_BEHIND} entries behind is dropped; the screen reconnects with the last
 * seq it got.
 */
final class LiveSocket implements WsListener {

    static final int MAX_BEHIND = 10_000;
    private static final int PAGE = 500;
    private static final Logger LOG = Logger.getLogger(LiveSocket.class.getName());

    private final LiveUpdates updates;
    private final LiveAccess access;
    private final ScreenBumps bumps;
    private final BlockingQueue<FeedEntry> queued = new ArrayBlockingQueue<>(MAX_BEHIND);
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean pinging = new AtomicBoolean();
    /** The newest notice not yet sent; a newer one replaces it, so a slow screen holds one at most. */
    private final AtomicReference<String> notice = new AtomicReference<>();
    /** Helidon's session writes frames through one buffer: one sender at a time. */
    /** One frame at a time on the session. A lock, not a monitor: a virtual thread blocked in a monitor pins its carrier on Java 21. */
    private final ReentrantLock sending = new ReentrantLock();
    private volatile LiveAccess.Admission admission;
    private volatile WsSession session;
    private volatile Thread sender;
    /** The kitchen stations this screen follows; null for every entry. */
    private volatile Stations stations;

    LiveSocket(LiveUpdates updates, LiveAccess access, ScreenBumps bumps) {
        this.updates = updates;
        this.access = access;
        this.bumps = bumps;
    }

    /** A refusal here hands the request on to the HTTP route for {@code /ws}, which answers with the problem. */
    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        try {
            admission = access.admit(headers.first(HeaderNames.AUTHORIZATION), prologue.query().first("token").asOptional(),
                    prologue.query().first("since").asOptional(), prologue.query().first("stations").asOptional());
            stations = admission.stations();
            return Optional.empty();
        } catch (Problem refused) {
            throw new WsUpgradeException(refused.getMessage());
        }
    }

    @Override
    public void onOpen(WsSession session) {
        this.session = session;
        updates.joined(this);
        if (!access.stillAdmits(admission)) {
            // Revoked between the upgrade and joining: the revocation did not see this socket.
            end(LiveUpdates.ACCESS_ENDED, "the token has expired or was revoked");
            return;
        }
        long since = admission.since() != null ? admission.since() : updates.durableHead();
        sender = Thread.ofVirtual().name("live-" + admission.caller().device().deviceId()).start(() -> follow(since));
    }

    /**
     * {@code {"type":"subscribe","stations":["bar"]}} narrows the feed to those kitchen stations
     * from the next entry on, answered {@code {"type":"subscribed","data":{"stations":[...]}}}.
     * {@code {"type":"bump","orderId","station"}} bumps as {@code POST /api/v1/orders/{id}/bump}
     * does, answered once the bump is on disk with {@code {"type":"bumped","orderId","entry":{seq,type,data}}},
     * or {@code {"type":"problem","orderId","problem":{...}}}. Anything else is answered with an
     * error and changes nothing.
     */
    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        if (ended.get()) {
            return;
        }
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            send(LiveMessage.error("not JSON: " + e.getOriginalMessage()));
            return;
        }
        String type = message == null ? "" : message.path("type").asText();
        switch (type) {
            case "subscribe" -> subscribe(message);
            case "bump" -> bump(message);
            default -> send(LiveMessage.error("the live feed takes {\"type\":\"subscribe\",\"stations\":[...]} and"
                    + " {\"type\":\"bump\",\"orderId\":\"...\"}"));
        }
    }

    private void subscribe(JsonNode message) {
        try {
            Stations chosen = Stations.fromMessage(message);
            stations = chosen;
            send(LiveMessage.notice("subscribed", Map.of("stations", chosen.names())));
        } catch (Problem refused) {
            send(LiveMessage.error(refused.getMessage()));
        }
    }

    private void bump(JsonNode message) {
        String orderId = message.path("orderId").isTextual() ? message.path("orderId").asText() : null;
        String station = message.path("station").isTextual() ? message.path("station").asText() : null;
        try {
            long seq = bumps.bump(admission.caller(), orderId, station);
            LedgerEntry entry = updates.durableAfter(seq - 1, 1).getFirst();
            send(LiveMessage.bumped(orderId, entry));
        } catch (Problem refused) {
            send(LiveMessage.refused(orderId, refused));
        } catch (RuntimeException failed) {
            // The ledger could not take the write (a full disk): what an HTTP bump would get too.
            LOG.log(Level.WARNING, "a bump sent over a live socket failed", failed);
            send(LiveMessage.refused(orderId, new Problem(503, "Ledger unavailable", "the bump could not be written: "
                    + failed.getMessage() + "; send it again", List.of())));
        }
    }

    @Override
    public void onPing(WsSession session, BufferData buffer) {
        sending.lock();
        try {
            session.pong(buffer);
        } finally {
            sending.unlock();
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        ended.set(true);
        stopSending();
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        LOG.log(Level.FINE, "live socket failed", t);
        ended.set(true);
        stopSending();
    }

    Caller caller() {
        return admission.caller();
    }

    LiveAccess.Admission admission() {
        return admission;
    }

    /** Called on the ledger writer's thread: never blocks. */
    void queue(List<FeedEntry> entries) {
        for (FeedEntry entry : entries) {
            if (!queued.offer(entry)) {
                end(LiveUpdates.FELL_BEHIND, "fell " + MAX_BEHIND + " entries behind; reconnect with since=<last seq received>");
                return;
            }
        }
    }

    /**
     * Sends a notice (a state, not a ledger entry) from a thread of its own, never blocking the
     * caller; while one is waiting to go out, a newer one replaces it.
     */
    void notice(String text) {
        if (ended.get() || notice.getAndSet(text) != null) {
            return;
        }
        Thread.ofVirtual().name("live-notice").start(() -> {
            for (String next = notice.get(); next != null && !ended.get(); next = notice.get()) {
                try {
                    send(next);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "sending a notice to a live socket that is already gone", e);
                }
                if (notice.compareAndSet(next, null)) {
                    return;
                }
            }
        });
    }

    /**
     * Sends a ping from a thread of its own, as the sender may hold the session stuck on a slow
     * client; skipped while the last ping to this socket is still waiting to go out.
     */
    void ping() {
        if (ended.get() || !pinging.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("live-ping").start(() -> {
            try {
                sending.lock();
                try {
                    session.ping(BufferData.empty());
                } finally {
                    sending.unlock();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "pinging a live socket that is already gone", e);
            } finally {
                pinging.set(false);
            }
        });
    }

    /**
     * Ends the feed at once: nothing more is queued or sent. The close frame goes from a thread of
     * its own, as the caller may be the ledger writer and the sender may be stuck on a slow client
     * (interrupting it closes that socket).
     */
    void end(int code, String why) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        stopSending();
        Thread.ofVirtual().name("live-close").start(() -> {
            sending.lock();
            try {
                try {
                    session.close(code, why);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "closing a live socket that is already gone", e);
                }
            } finally {
                sending.unlock();
            }
        });
    }

    private void stopSending() {
        updates.left(this);
        Thread running = sender;
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
        }
    }

    private void follow(long since) {
        long lastSent = since;
        try {
            for (List<LedgerEntry> page = updates.durableAfter(lastSent, PAGE); !page.isEmpty() && !ended.get();
                    page = updates.durableAfter(lastSent, PAGE)) {
                for (LedgerEntry entry : page) {
                    lastSent = sendIfNew(new FeedEntry(entry), lastSent);
                }
            }
            while (!ended.get()) {
                lastSent = sendIfNew(queued.take(), lastSent);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "live socket stopped sending after seq " + lastSent, e);
            end(LiveUpdates.UNEXPECTED, "the box could not send; reconnect with since=" + lastSent);
        }
    }

    private long sendIfNew(FeedEntry entry, long lastSent) {
        if (entry.seq() <= lastSent) {
            return lastSent;
        }
        Stations following = stations;
        if (entry.shown() && (following == null || following.follows(entry))) {
            send(entry.text());
        }
        return entry.seq();
    }

    private void send(String text) {
        sending.lock();
        try {
            session.send(text, true);
        } finally {
            sending.unlock();
        }
    }
}
