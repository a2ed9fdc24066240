package backroom.edge.giftcards;

import backroom.edge.access.Actor;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Permission;
import backroom.edge.idempotency.IdempotencyKeys;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.sales.LaterPayments;
import backroom.edge.sales.Sale;
import backroom.edge.sales.SaleRequest;
import backroom.edge.sales.SettledSale;
import backroom.edge.sales.Totals;
import backroom.edge.storedvalue.CardMove;
import backroom.edge.storedvalue.CardNumbers;
import backroom.edge.storedvalue.MoveCause;
import backroom.edge.storedvalue.StoredValue;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/v1/gift-cards}: sell a gift card, top one up, check a card's balance (a store credit's
 * too). A card is sold as a sale of its value, with nothing taxed, its own receipt number, and its
 * payment counted in the shift like any other; the card is loaded in that sale's own ledger write,
 * so a card is never loaded without its sale or its sale rung without the card. Both take an
 * Idempotency-Key: a retried sale of a card loads it once.
 */
public final class GiftCardService implements ApiRoutes.Resource {

    /** The most movements a balance check shows, newest first. */
    static final int MOST_MOVES_SHOWN = 50;

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final Supplier<UUID> ids;
    private final IdempotencyKeys keys;
    private final LaterPayments sales;

    public GiftCardService(Jdbi jdbi, LedgerWriter writer, Supplier<UUID> ids, IdempotencyKeys keys, LaterPayments sales) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.ids = ids;
        this.keys = keys;
        this.sales = sales;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.post("/", Permission.RING_SALE, this::issue)
                .get("/{number}", Permission.READ_SALES, this::read)
                .post("/{number}/top-ups", Permission.RING_SALE, this::topUp);
    }

    private void issue(ServerRequest req, ServerResponse res) {
        String key = IdempotencyKeys.required(req);
        JsonBody body = JsonBody.read(req);
        GiftCardRequests.Issue request = body.as(GiftCardRequests.Issue.class);
        request.validate();
        String saleId = ids.get().toString();
        String requestHash = IdempotencyKeys.requestHash("gift-cards", body.tree());
        keys.answerOnce(req, res, writer, key, requestHash, (handle, ledger, by) -> {
            CardMove card = StoredValue.open(ledger, StoredValue.GIFT_CARD, request.number(), request.amount(), MoveCause.issue(saleId),
                    "number");
            return new CardSale(card, ring(handle, ledger, saleId, request.amount(), request.registerId(), request.shiftId(),
                    request.payments(), by));
        });
    }

    private void topUp(ServerRequest req, ServerResponse res) {
        String number = number(req);
        String key = IdempotencyKeys.required(req);
        JsonBody body = JsonBody.read(req);
        GiftCardRequests.TopUp request = body.as(GiftCardRequests.TopUp.class);
        request.validate();
        String saleId = ids.get().toString();
        String requestHash = IdempotencyKeys.requestHash("gift-cards/" + number + "/top-ups", body.tree());
        keys.answerOnce(req, res, writer, key, requestHash, (handle, ledger, by) -> {
            StoredValue.find(handle, number, 0).orElseThrow(() -> Problem.notFound("gift card " + number));
            CardMove card = StoredValue.load(ledger, number, StoredValue.GIFT_CARD, request.amount(), MoveCause.topUp(saleId), "number");
            return new CardSale(card, ring(handle, ledger, saleId, request.amount(), request.registerId(), request.shiftId(),
                    request.payments(), by));
        });
    }

    private void read(ServerRequest req, ServerResponse res) {
        String number = number(req);
        Json.ok(res, jdbi.withHandle(handle -> StoredValue.find(handle, number, MOST_MOVES_SHOWN))
                .orElseThrow(() -> Problem.notFound("gift card or store credit " + number)));
    }

    /** The sale of {@code amount} of stored value: one untaxed amount, no lines, no kitchen, no stock. */
    private Sale ring(Handle handle, LedgerAppender ledger, String saleId, long amount, String registerId, String shiftId,
                      List<SaleRequest.Payment> payments, Actor by) {
        Totals totals = new Totals(amount, 0, 0, 0, 0, amount, Map.of());
        return sales.ring(handle, ledger, new SettledSale(saleId, registerId, shiftId, "retail", null, null, List.of(), totals, payments,
                by));
    }

    private static String number(ServerRequest req) {
        String number = req.path().pathParameters().get("number");
        if (!CardNumbers.valid(number)) {
            throw Problem.notFound("gift card " + number);
        }
        return number;
    }

    /** A card loaded by a sale: the card's movement (its number and balance after) and the sale that paid for it. */
    record CardSale(CardMove card, Sale sale) {
    }
}
