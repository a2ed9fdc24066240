package backroom.edge.loyalty;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Permission;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/v1/customers}: a cashier signs a customer up ({@code customer.joined}), finds them by
 * phone or card number at the till, and sees their points, tier and latest movements.
 */
public final class CustomerService implements ApiRoutes.Resource {

    static final int MOST_MOVES_SHOWN = 50;

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final Supplier<UUID> ids;

    public CustomerService(Jdbi jdbi, LedgerWriter writer, Supplier<UUID> ids) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.ids = ids;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/", Permission.RING_SALE, this::join)
                .get("/", Permission.READ_SALES, this::find)
                .get("/{id}", Permission.READ_SALES, this::read);
    }

    private void join(ServerRequest req, ServerResponse res) {
        LoyaltyRequests.Join request = JsonBody.read(req).as(LoyaltyRequests.Join.class);
        request.validate();
        String customerId = ids.get().toString();
        Customer joined = writer.submit((handle, ledger) -> {
            WriterStatements statements = ledger.statements();
            LoyaltyProgram program = LoyaltyRows.program(statements)
                    .orElseThrow(() -> Problem.conflict("name", "the store has no loyalty program yet: a manager sets it first"));
            taken(statements, "phone", request.phone());
            taken(statements, "card_number", request.cardNumber());
            LoyaltyEntries.Joined entry = new LoyaltyEntries.Joined(customerId, request.name().strip(), request.phone(),
                    request.cardNumber(), program.tiers().getFirst().id(), ledger.now(), Caller.of(req).actor());
            LoyaltyRows.join(statements, entry, ledger.nextSeq());
            ledger.append(LoyaltyEntries.JOINED, entry);
            return LoyaltyRows.customer(statements, "id", customerId).orElseThrow();
        });
        Json.send(res, 201, joined);
    }

    /** {@code GET /api/v1/customers?phone=...} or {@code ?card=...}: the member with it, if any. */
    private void find(ServerRequest req, ServerResponse res) {
        Optional<String> phone = req.query().first("phone").asOptional();
        Optional<String> card = req.query().first("card").asOptional();
        if (phone.isEmpty() == card.isEmpty()) {
            throw Problem.malformed("phone", "give a phone or a card, one of them");
        }
        String column = phone.isPresent() ? "phone" : "card_number";
        String value = phone.orElseGet(card::get);
        List<Customer> found = jdbi.withHandle(handle -> handle.createQuery("SELECT " + LoyaltyRows.CUSTOMER_COLUMNS
                        + " FROM customers WHERE " + column + " = :value")
                .bind("value", value)
                .map((rs, ctx) -> LoyaltyRows.customer(rs))
                .list());
        Json.ok(res, Map.of("customers", found));
    }

    private void read(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        Json.ok(res, jdbi.withHandle(handle -> LoyaltyReads.member(handle, id, MOST_MOVES_SHOWN))
                .orElseThrow(() -> Problem.notFound("customer " + id)));
    }

    private static void taken(WriterStatements statements, String column, String value) {
        if (value != null && LoyaltyRows.customer(statements, column, value).isPresent()) {
            String field = column.equals("phone") ? "phone" : "cardNumber";
            throw Problem.conflict(field, "a member already has that " + (column.equals("phone") ? "phone" : "card number"));
        }
    }
}
