package backroom.edge.live;

import backroom.edge.access.Access;
import backroom.edge.access.AccessGate;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.web.Problem;
import java.util.Optional;

/**
 * Who may open the live feed, asked of the same {@link AccessGate} as every API route: a device or
 * session token, from {@code Authorization: Bearer} or {@code ?token=} (a browser's WebSocket
 * cannot send headers), whose caller may watch live updates; and a well-formed {@code since}.
 */
final class LiveAccess {

    static final Permission NEEDED = Permission.WATCH_LIVE_UPDATES;

    private final AccessGate gate;

    LiveAccess(AccessGate gate) {
        this.gate = gate;
    }

    /**
     * Who opened the feed, with which token, from which seq on ({@code null}: only what comes
     * next), following which kitchen stations ({@code null}: every entry).
     */
    record Admission(Caller caller, String token, Long since, Stations stations) {
    }

    /** Throws the gate's 401 or 403 problem, or a 400 for a bad {@code since} or {@code stations}. */
    Admission admit(Optional<String> authorization, Optional<String> queryToken, Optional<String> since, Optional<String> stations) {
        Optional<String> token = AccessGate.bearerToken(authorization).or(() -> queryToken);
        Caller caller = gate.admit(Access.needs(NEEDED), token).orElseThrow();
        return new Admission(caller, token.orElseThrow(), since.map(LiveAccess::seq).orElse(null),
                stations.map(list -> Stations.parse("stations", list)).orElse(null));
    }

    /** Whether the token that opened the feed would still open it: not revoked, not expired, still allowed. */
    boolean stillAdmits(Admission admission) {
        try {
            gate.admit(Access.needs(NEEDED), Optional.of(admission.token()));
            return true;
        } catch (Problem refused) {
            return false;
        }
    }

    private static long seq(String since) {
        try {
            long seq = Long.parseLong(since);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Problem.malformed("since", "must be a ledger seq (a whole number from 0)");
    }
}
