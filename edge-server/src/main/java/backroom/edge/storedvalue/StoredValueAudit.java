package backroom.edge.storedvalue;

import backroom.edge.ledger.AuditedTables;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRows;
import backroom.edge.ledger.TableAudit;
import backroom.edge.ledger.TableDisagreement;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stored_value_moves and stored_value_accounts tables held to the {@code stored_value.*}
 * entries: each movement's row as its entry says, no row that no entry wrote (and, on a walk from
 * the first entry, no card that no entry opened), a card's account as the entry that opened it says,
 * and every card's balance the sum of its movements' rows, so of its entries.
 */
public final class StoredValueAudit implements TableAudit {

    private long moves;
    private long opened;

    @Override
    public void check(AuditedTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case StoredValue.OPENED -> {
                JsonNode move = LedgerAudit.payload(entry);
                String card = move.path("cardNumber").asText();
                ExpectedRow.in("stored_value_accounts", "card " + card)
                        .column("kind", move.path("kind"))
                        .column("opened_seq", entry.seq())
                        .time("opened_at", move.path("movedAt"))
                        .checkAgainst(tables.row("SELECT * FROM stored_value_accounts WHERE card_number = ?", card), entry);
                opened++;
                moved(tables, entry, move);
            }
            case StoredValue.MOVED -> moved(tables, entry, LedgerAudit.payload(entry));
            default -> { }
        }
    }

    private void moved(AuditedTables tables, LedgerEntry entry, JsonNode move) {
        ExpectedRow.in("stored_value_moves", "seq " + entry.seq())
                .column("card_number", move.path("cardNumber"))
                .column("delta", move.path("delta"))
                .column("reason", move.path("reason"))
                .column("sale_id", move.path("saleId"))
                .column("refund_id", move.path("refundId"))
                .column("balance", move.path("balance"))
                .time("moved_at", move.path("movedAt"))
                .checkAgainst(tables.row("SELECT * FROM stored_value_moves WHERE ledger_seq = ?", entry.seq()), entry);
        moves++;
    }

    @Override
    public void finish(AuditedTables tables, long fromSeq) {
        LedgerRows.requireNoOthers(tables, "stored_value_moves", moves, fromSeq, "'seq ' || ledger_seq", StoredValue.OPENED,
                StoredValue.MOVED);
        tables.rows("""
                        SELECT a.card_number, a.balance, CAST(COALESCE(SUM(m.delta), 0) AS BIGINT) AS moved FROM stored_value_accounts a
                        LEFT JOIN stored_value_moves m ON m.card_number = a.card_number GROUP BY a.card_number, a.balance""")
                .forEach(row -> {
                    if (!row.get("balance").equals(row.get("moved"))) {
                        throw new TableDisagreement("stored_value_accounts row card " + row.get("card_number") + ": balance is "
                                + row.get("balance") + " but its movements add up to " + row.get("moved"));
                    }
                });
        long accounts = tables.count("SELECT COUNT(*) FROM stored_value_accounts");
        if (fromSeq == 0 && accounts != opened) {
            throw new TableDisagreement("stored_value_accounts holds " + accounts + " cards but the ledger's entries opened " + opened);
        }
    }
}
