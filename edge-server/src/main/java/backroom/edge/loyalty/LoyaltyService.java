package backroom.edge.loyalty;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/v1/loyalty/program}: the store's loyalty program, set by a manager as a
 * {@code loyalty.program_set} entry; the same program again writes nothing. Members' tiers are
 * worked out again at their next movement.
 */
public final class LoyaltyService implements ApiRoutes.Resource {

    private final Jdbi jdbi;
    private final LedgerWriter writer;

    public LoyaltyService(Jdbi jdbi, LedgerWriter writer) {
        this.jdbi = jdbi;
        this.writer = writer;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/program", Permission.READ_CATALOG, this::read)
                .put("/program", Permission.EDIT_CATALOG, this::set);
    }

    private void read(ServerRequest req, ServerResponse res) {
        Json.ok(res, jdbi.withHandle(LoyaltyReads::program).orElseThrow(() -> Problem.notFound("loyalty program")));
    }

    private void set(ServerRequest req, ServerResponse res) {
        LoyaltyProgram program = JsonBody.read(req).as(LoyaltyRequests.Program.class).validated();
        LoyaltyEntries.ProgramSet set = new LoyaltyEntries.ProgramSet(program.amountPerPoint(), program.pointValue(), program.tiers(),
                Caller.of(req).actor());
        Json.ok(res, writer.submit((handle, ledger) -> {
            if (!LoyaltyRows.program(ledger.statements()).map(program::equals).orElse(false)) {
                LoyaltyRows.setProgram(ledger.statements(), program, ledger.nextSeq());
                ledger.append(LoyaltyEntries.PROGRAM_SET, set);
            }
            return program;
        }));
    }
}
