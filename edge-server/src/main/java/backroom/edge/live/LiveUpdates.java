package backroom.edge.live;

import backroom.edge.access.AccessGate;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.web.Problem;
import backroom.edge.web.ProblemResponses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.websocket.WsRouting;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live feed at {@code /ws} and its open sockets. Takes each group of entries from the ledger
 * writer once it is on disk and queues it on every socket, never blocking the writer. Closes a
 * socket as soon as its caller's access is revoked, and within {@link #RECHECK_SECONDS} of its
 * session expiring. Pings every socket every third of the idle timeout: Helidon closes a WebSocket
 * when the client has sent nothing for that long, and a browser answers each ping with a pong, so a
 * quiet screen stays connected while one that stopped answering is closed.
 */
public final class LiveUpdates implements Consumer<List<LedgerEntry>>, ApiRoutes.Resource, AutoCloseable {

    /** WebSocket close codes: 1008 "policy violation" for a token that is no longer good. */
    static final int ACCESS_ENDED = 1008;
    static final int UNEXPECTED = 1011;
    static final int GOING_AWAY = 1001;
    /** Application-defined (4000-4999): the screen fell behind and should reconnect with {@code since}. */
    static final int FELL_BEHIND = 4000;
    static final int RECHECK_SECONDS = 1;

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());

    private final LiveAccess access;
    private final LedgerDatabase ledger;
    private final ScreenBumps bumps;
    private final Set<LiveSocket> sockets = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-timer").daemon(true).factory());

    public LiveUpdates(AccessGate gate, LedgerDatabase ledger, Duration idleTimeout, ScreenBumps bumps) {
        this.access = new LiveAccess(gate);
        this.ledger = ledger;
        this.bumps = bumps;
        timer.scheduleWithFixedDelay(this::closeExpired, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
        long pingEvery = idleTimeout.dividedBy(3).toMillis();
        timer.scheduleWithFixedDelay(() -> sockets.forEach(LiveSocket::ping), pingEvery, pingEvery, TimeUnit.MILLISECONDS);
    }

    /** The WebSocket endpoint: one {@link LiveSocket} per connection. */
    public WsRouting.Builder wsRouting() {
        return WsRouting.builder().endpoint(AccessGate.LIVE_PATH, () -> new LiveSocket(this, access, bumps));
    }

    /**
     * The HTTP side of {@code /ws}: a request the upgrade refused, or one that asked for no upgrade.
     * The gate has answered 401 or 403 already; what is left is a bad {@code since} or a plain GET.
     */
    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/", LiveAccess.NEEDED, this::refuseWithoutUpgrade);
    }

    private void refuseWithoutUpgrade(ServerRequest req, ServerResponse res) {
        access.admit(req.headers().first(HeaderNames.AUTHORIZATION), req.query().first("token").asOptional(),
                req.query().first("since").asOptional(), req.query().first("stations").asOptional());
        res.header(HeaderNames.UPGRADE, "websocket");
        ProblemResponses.send(res, new Problem(426, "Upgrade Required",
                "/ws is a WebSocket: connect with Upgrade: websocket (ws://<box>/ws?token=<token>&since=<last seq>)", List.of()));
    }

    @Override
    public void accept(List<LedgerEntry> committed) {
        List<FeedEntry> shown = committed.stream().filter(LiveMessage::isShown).map(FeedEntry::new).toList();
        if (!shown.isEmpty()) {
            sockets.forEach(socket -> socket.queue(shown));
        }
    }

    /**
     * Shows every socket whose caller may {@code needed} a state that is not a ledger entry (the
     * relay's status): {@code {"type":...,"data":...}}, without a seq, never replayed. A screen that
     * connects later reads the state from its route instead.
     */
    public void notice(String type, Object data, Permission needed) {
        String text = LiveMessage.notice(type, data);
        sockets.stream().filter(socket -> socket.caller().may(needed)).forEach(socket -> socket.notice(text));
    }

    /** Closes at once every socket opened by a caller {@code which} matches: its device was revoked, or its session ended. */
    public void disconnect(Predicate<Caller> which) {
        sockets.stream().filter(socket -> which.test(socket.caller()))
                .forEach(socket -> socket.end(ACCESS_ENDED, "access was revoked: the device was revoked or the session ended"));
    }

    public int openSockets() {
        return sockets.size();
    }

    /** Sessions expire without any write to say so: each socket's token is checked again. */
    private void closeExpired() {
        try {
            sockets.stream().filter(socket -> !access.stillAdmits(socket.admission()))
                    .forEach(socket -> socket.end(ACCESS_ENDED, "the token has expired or was revoked"));
        } catch (RuntimeException e) {
            // A failure must not end the schedule: the next check tries again.
            LOG.log(Level.WARNING, "checking the live sockets' tokens failed", e);
        }
    }

    long durableHead() {
        return ledger.writer().head().seq();
    }

    List<LedgerEntry> durableAfter(long seq, int limit) {
        return ledger.durableEntriesAfter(seq, limit);
    }

    void joined(LiveSocket socket) {
        sockets.add(socket);
    }

    void left(LiveSocket socket) {
        sockets.remove(socket);
    }

    /** Stops checking expiries and pinging, and tells every screen the box is going away. */
    @Override
    public void close() {
        timer.shutdownNow();
        sockets.forEach(socket -> socket.end(GOING_AWAY, "the box is stopping; reconnect with since=<last seq received>"));
    }
}
