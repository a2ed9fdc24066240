package backroom.edge.sales;

import backroom.edge.access.Actor;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sales, sale_lines, sale_payments, sale_voids, refunds and refund_lines tables written again
 * from the {@code sale.completed}, {@code sale.voided} and {@code sale.refunded} entries, each row
 * by the method the live write uses ({@link SaleTables#insert}, {@link SaleTables#insertVoid},
 * {@link Refunds#insert}); and receipt_counters, so that each register's next receipt follows the
 * last one its entries show. A sale's and a refund's payload is the {@link Sale} or {@link Refund}
 * the write recorded, read back as such; a void's time is its entry's.
 *
 * <p>Not carried: idempotency_keys stay empty (a retry of a sale rung on the old box cannot reach
 * the new one; its tablets pair again). A sale or void from before entries named who did them
 * (no {@code by}) gets NULL staff and device, as its rows had.
 */
public final class SalesReplay implements TableReplay {

    /** The last receipt number rung on each register, for its counter. */
    private final Map<String, Long> lastReceipt = new TreeMap<>();

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case "sale.completed" -> completed(tables, read(entry, Sale.class));
            case "sale.voided" -> voided(tables, entry, read(entry, JsonNode.class));
            case "sale.refunded" -> Refunds.insert(tables.handle(), read(entry, Refund.class));
            default -> { }
        }
    }

    private void completed(RebuiltTables tables, Sale sale) {
        SaleTables.insert(tables.statements(), sale);
        lastReceipt.merge(sale.registerId(), ReceiptNumbers.numberOf(sale.registerId(), sale.receiptNumber()), Math::max);
    }

    private static void voided(RebuiltTables tables, LedgerEntry entry, JsonNode voided) {
        JsonNode by = voided.path("by");
        Actor actor = by.isObject() ? new Actor(by.path("staffId").textValue(), null, null, by.path("deviceId").textValue(), null)
                : SaleTables.NOBODY_NAMED;
        SaleTables.insertVoid(tables.handle(), voided.path("saleId").asText(), voided.path("reason").asText(), entry.seq(),
                entry.occurredAt(), actor);
    }

    /** The counters as the last sale on each register left them; a register with no sale has none, as on the old box. */
    @Override
    public void finish(RebuiltTables tables) {
        lastReceipt.forEach((register, number) -> ReceiptNumbers.setLast(tables.handle(), register, number));
    }

    private static <T> T read(LedgerEntry entry, Class<T> type) {
        try {
            return Json.MAPPER.readValue(entry.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(ExpectedRow.said(entry) + " cannot be read as a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
