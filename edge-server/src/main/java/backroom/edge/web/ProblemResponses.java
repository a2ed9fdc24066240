package backroom.edge.web;

import backroom.edge.ledger.LedgerUnavailableException;
import backroom.edge.ledger.StorageFailure;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one place refusals and failures become {@code application/problem+json} answers. */
public final class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());

    private ProblemResponses() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(Problem.class, (req, res, problem) -> send(req, res, problem))
                .error(LedgerUnavailableException.class, (req, res, e) -> send(req, res, unavailable(e.getMessage())))
                .error(HttpException.class, (req, res, e) -> send(req, res, fromHelidon(req.prologue().method().text(), req.path().path(), e)))
                .error(RuntimeException.class, (req, res, e) -> {
                    if (ClientGone.causedBy(e)) {
                        // Answered all the same, or Helidon answers 500 itself and logs a warning.
                        LOG.fine(() -> "the client left during " + req.prologue().method() + " " + req.path().path() + ": " + e);
                        send(res, Problem.malformed("body", "ended before the length the request declared"));
                        return;
                    }
                    if (StorageFailure.causedBy(e)) {
                        LOG.log(Level.WARNING, "storage failure on " + req.prologue().method() + " " + req.path().path(), e);
                        send(res, unavailable("the ledger database is being reopened"));
                        return;
                    }
                    LOG.log(Level.SEVERE, "unexpected failure on " + req.prologue().method() + " " + req.path().path(), e);
                    send(res, new Problem(500, "Internal error", "the box failed unexpectedly; see its log", List.of()));
                });
    }

    /**
     * Helidon's own refusals (a path under /observe it does not serve, a request it cannot read)
     * as problem+json with their status; they are the client's doing, so nothing is logged.
     */
    private static Problem fromHelidon(String method, String path, HttpException e) {
        int status = e.status().code();
        if (status == 404) {
            return Problem.notServed(method, path);
        }
        return new Problem(status, e.status().reasonPhrase(), method + " " + path + ": " + e.getMessage(), List.of());
    }

    private static Problem unavailable(String why) {
        return new Problem(503, "Ledger unavailable", why
                + "; the write may or may not be recorded: send it again (a sale with the same Idempotency-Key) to find out", List.of());
    }

    /**
     * Sends the refusal of a request whose body may not have been read. Unread, Helidon would read
     * it to keep the connection, however slowly the client sends it, so the connection is closed
     * instead: a client that declared a body it never sends cannot hold a place that way.
     */
    public static void send(ServerRequest req, ServerResponse res, Problem problem) {
        if (req.content().hasEntity() && !req.content().consumed()) {
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        send(res, problem);
    }

    public static void send(ServerResponse res, Problem problem) {
        Map<String, Object> body = body(problem);
        res.status(Status.create(problem.status()));
        problem.retryAfter().ifPresent(wait -> res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
        if (!problem.allowedMethods().isEmpty()) {
            res.header(HeaderNames.ALLOW, String.join(", ", problem.allowedMethods()));
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
        res.send(Json.write(body));
    }

    /** The problem+json body: type, title, status, detail, errors. */
    public static Map<String, Object> body(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("errors", problem.errors());
        return body;
    }
}
