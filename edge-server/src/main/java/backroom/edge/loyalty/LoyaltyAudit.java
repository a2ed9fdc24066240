package backroom.edge.loyalty;

import backroom.edge.ledger.AuditedTables;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRows;
import backroom.edge.ledger.TableAudit;
import backroom.edge.ledger.TableDisagreement;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The loyalty tables held to their entries: each member as the entry that signed them up says, each
 * movement's row as its {@code loyalty.moved} entry says, no row that no entry wrote, every member's
 * points and lifetime spend the sums of their movements, and the program as its latest
 * {@code loyalty.program_set}.
 */
public final class LoyaltyAudit implements TableAudit {

    private long moves;
    private long joined;
    private LedgerEntry latestProgram;

    @Override
    public void check(AuditedTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case LoyaltyEntries.JOINED -> {
                JsonNode member = LedgerAudit.payload(entry);
                String id = member.path("customerId").asText();
                ExpectedRow.in("customers", "id " + id)
                        .column("name", member.path("name"))
                        .column("phone", member.path("phone"))
                        .column("card_number", member.path("cardNumber"))
                        .column("joined_seq", entry.seq())
                        .time("joined_at", member.path("joinedAt"))
                        .checkAgainst(tables.row("SELECT * FROM customers WHERE id = ?", id), entry);
                joined++;
            }
            case LoyaltyEntries.MOVED -> {
                JsonNode move = LedgerAudit.payload(entry);
                ExpectedRow.in("loyalty_moves", "seq " + entry.seq())
                        .column("customer_id", move.path("customerId"))
                        .column("points", move.path("points"))
                        .column("spend", move.path("spend"))
                        .column("kind", move.path("kind"))
                        .column("sale_id", move.path("saleId"))
                        .column("refund_id", move.path("refundId"))
                        .column("balance", move.path("balance"))
                        .column("lifetime_spend", move.path("lifetimeSpend"))
                        .column("tier", move.path("tier"))
                        .column("multiplier_bp", move.path("multiplierBp"))
                        .column("amount_per_point", move.path("amountPerPoint"))
                        .time("moved_at", move.path("movedAt"))
                        .checkAgainst(tables.row("SELECT * FROM loyalty_moves WHERE ledger_seq = ?", entry.seq()), entry);
                moves++;
            }
            case LoyaltyEntries.PROGRAM_SET -> latestProgram = entry;
            default -> { }
        }
    }

    @Override
    public void finish(AuditedTables tables, long fromSeq) {
        LedgerRows.requireNoOthers(tables, "loyalty_moves", moves, fromSeq, "'seq ' || ledger_seq", LoyaltyEntries.MOVED);
        tables.rows("""
                        SELECT c.id, c.points, c.lifetime_spend, CAST(COALESCE(SUM(m.points), 0) AS BIGINT) AS moved_points,
                            CAST(COALESCE(SUM(m.spend), 0) AS BIGINT) AS moved_spend
                        FROM customers c LEFT JOIN loyalty_moves m ON m.customer_id = c.id GROUP BY c.id, c.points, c.lifetime_spend""")
                .forEach(row -> {
                    if (!row.get("points").equals(row.get("moved_points")) || !row.get("lifetime_spend").equals(row.get("moved_spend"))) {
                        throw new TableDisagreement("customers row " + row.get("id") + ": points " + row.get("points") + " and spend "
                                + row.get("lifetime_spend") + " but its movements add up to " + row.get("moved_points") + " and "
                                + row.get("moved_spend"));
                    }
                });
        long members = tables.count("SELECT COUNT(*) FROM customers");
        if (fromSeq == 0 && members != joined) {
            throw new TableDisagreement("customers holds " + members + " members but the ledger's entries signed up " + joined);
        }
        if (latestProgram != null) {
            JsonNode program = LedgerAudit.payload(latestProgram);
            ExpectedRow.in("loyalty_program", "1")
                    .column("amount_per_point", program.path("amountPerPoint"))
                    .column("point_value", program.path("pointValue"))
                    .column("tiers", Json.write(Json.MAPPER.convertValue(program.path("tiers"), LoyaltyProgram.Tier[].class)))
                    .column("set_seq", latestProgram.seq())
                    .checkAgainst(tables.row("SELECT * FROM loyalty_program WHERE id = 1"), latestProgram);
        }
    }
}
