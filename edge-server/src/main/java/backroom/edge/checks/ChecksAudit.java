package backroom.edge.checks;

import backroom.edge.access.Actor;
import backroom.edge.ledger.AuditedTables;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRows;
import backroom.edge.ledger.TableAudit;
import backroom.edge.ledger.TableDisagreement;
import backroom.edge.sales.SaleLine;
import backroom.edge.web.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The checks, check_lines and check_parts tables, and the tables the checks hold, held to the
 * {@code check.*} entries: the walk follows each check opened in it through its rounds, moves,
 * merges, splits and payments, and at the end each such check's rows must be what its entries left
 * (its totals, every line, every part and the sale that paid it). A check opened before the walk's
 * first entry is not followed; from the first entry, no row may be left that no entry wrote.
 */
public final class ChecksAudit implements TableAudit {

    private final Map<String, Walked> walked = new LinkedHashMap<>();

    @Override
    public void check(AuditedTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case CheckEntries.OPENED -> {
                var opened = ChecksReplay.read(entry, CheckEntries.Opened.class);
                walked.put(opened.checkId(), new Walked(opened, entry));
            }
            case CheckEntries.ROUND_ADDED -> {
                var round = ChecksReplay.read(entry, CheckEntries.RoundAdded.class);
                follow(round.checkId(), entry, check -> {
                    check.took(round.lines(), round.totals());
                    check.rounds = round.roundNo();
                });
            }
            case CheckEntries.MOVED -> {
                var moved = ChecksReplay.read(entry, CheckEntries.Moved.class);
                follow(moved.checkId(), entry, check -> check.tableId = moved.tableId());
            }
            case CheckEntries.MERGED -> {
                var merged = ChecksReplay.read(entry, CheckEntries.Merged.class);
                follow(merged.checkId(), entry, check -> check.took(merged.lines(), merged.totals()));
                follow(merged.fromCheckId(), entry, check -> check.closed(Check.MERGED, merged.checkId(), entry.occurredAt()));
            }
            case CheckEntries.SPLIT -> {
                var split = ChecksReplay.read(entry, CheckEntries.Split.class);
                follow(split.checkId(), entry, check -> {
                    check.splitBy = split.splitBy();
                    check.parts = new ArrayList<>(split.parts());
                });
            }
            case CheckEntries.PART_PAID -> {
                var paid = ChecksReplay.read(entry, CheckEntries.PartPaid.class);
                follow(paid.checkId(), entry, check -> check.parts.replaceAll(part -> part.partNo() != paid.partNo() ? part
                        : new Check.Part(part.partNo(), part.lineNos(), part.subtotal(), part.taxTotal(), part.serviceCharge(),
                                part.rounding(), part.grandTotal(), part.taxByRate(), paid.saleId(), paid.receiptNumber())));
            }
            case CheckEntries.DISCOUNTED -> {
                var discounted = ChecksReplay.read(entry, CheckEntries.Discounted.class);
                follow(discounted.checkId(), entry, check -> {
                    check.discount = discounted;
                    check.retotalled(discounted.totals());
                });
            }
            case CheckEntries.PRICE_OVERRIDDEN -> {
                var price = ChecksReplay.read(entry, CheckEntries.PriceOverridden.class);
                follow(price.checkId(), entry, check -> check.priced(price));
            }
            case CheckEntries.CLOSED -> {
                var closed = ChecksReplay.read(entry, CheckEntries.Closed.class);
                follow(closed.checkId(), entry, check -> check.closed(Check.CLOSED, null, entry.occurredAt()));
            }
            default -> { }
        }
    }

    private void follow(String checkId, LedgerEntry entry, Consumer<Walked> change) {
        Walked check = walked.get(checkId);
        if (check != null) {
            change.accept(check);
            check.last = entry;
        }
    }

    @Override
    public void finish(AuditedTables tables, long fromSeq) {
        LedgerRows.requireNoOthers(tables, "checks", walked.size(), fromSeq, "'id ' || id", CheckEntries.OPENED);
        long lines = 0;
        long parts = 0;
        for (Walked check : walked.values()) {
            check.requireRows(tables);
            lines += check.lines.size();
            parts += check.parts.size();
        }
        if (fromSeq != 0) {
            return;
        }
        LedgerRows.requireNoOrphans(tables, "check_lines", lines, "checks", "check_id", "check_id || ' line ' || line_no");
        LedgerRows.requireNoOrphans(tables, "check_parts", parts, "checks", "check_id", "check_id || ' part ' || part_no");
        Map<String, String> held = new TreeMap<>();
        walked.values().stream().filter(check -> check.status.equals(Check.OPEN) && check.tableId != null)
                .forEach(check -> held.put(check.tableId, check.checkId));
        Map<String, String> holds = tables.rows("SELECT table_id, holder_id FROM table_holds").stream()
                .collect(Collectors.toMap(row -> (String) row.get("table_id"), row -> (String) row.get("holder_id"), (a, b) -> a,
                        TreeMap::new));
        if (!holds.equals(held)) {
            throw new TableDisagreement("table_holds holds " + holds + " but the open checks' entries hold " + held);
        }
    }

    /** A check as the entries walked so far leave it. */
    private static final class Walked {
        final String checkId;
        final CheckEntries.Opened opened;
        final LedgerEntry openedBy;
        LedgerEntry last;
        String tableId;
        String status = Check.OPEN;
        String mergedInto;
        Instant closedAt;
        int rounds;
        final List<SaleLine> lines = new ArrayList<>();
        CheckTotals totals = new CheckTotals(0, 0, 0, 0, 0, 0, Map.of(), 0);
        CheckEntries.Discounted discount;
        String splitBy;
        List<Check.Part> parts = new ArrayList<>();

        Walked(CheckEntries.Opened opened, LedgerEntry entry) {
            this.checkId = opened.checkId();
            this.opened = opened;
            this.openedBy = entry;
            this.last = entry;
            this.tableId = opened.tableId();
        }

        void took(List<SaleLine> more, CheckTotals now) {
            lines.addAll(more);
            retotalled(now);
        }

        void retotalled(CheckTotals now) {
            totals = now;
            splitBy = null;
            parts = new ArrayList<>();
        }

        void priced(CheckEntries.PriceOverridden price) {
            lines.replaceAll(line -> line.lineNo() != price.lineNo() ? line : line.priced(price.unitPrice(), price.lineTotal()));
            retotalled(price.totals());
        }

        void closed(String how, String into, Instant at) {
            status = how;
            mergedInto = into;
            closedAt = at;
        }

        void requireRows(AuditedTables tables) {
            Actor by = opened.by();
            ExpectedRow.in("checks", "id " + checkId)
                    .column("table_id", tableId)
                    .column("name", opened.name())
                    .column("order_type", opened.orderType())
                    .column("guests", opened.guests())
                    .column("status", status)
                    .column("merged_into", mergedInto)
                    .column("rounds", rounds)
                    .column("split_by", splitBy)
                    .column("subtotal", totals.subtotal())
                    .column("tax_total", totals.taxTotal())
                    .column("service_charge", totals.serviceCharge())
                    .column("rounding", totals.rounding())
                    .column("grand_total", totals.grandTotal())
                    .column("tax_by_rate", Json.write(new TreeMap<>(totals.taxByRate())))
                    .column("discount_total", totals.discount())
                    .column("discount_amount", discount == null ? null : discount.amount())
                    .column("discount_bp", discount == null ? null : discount.percentBp())
                    .column("discount_reason", discount == null ? null : discount.reason())
                    .column("ledger_seq", openedBy.seq())
                    .column("opened_at", openedBy.occurredAt())
                    .column("closed_at", closedAt)
                    .column("staff_id", by == null ? null : by.staffId())
                    .column("device_id", by == null ? null : by.deviceId())
                    .checkAgainst(tables.row("SELECT * FROM checks WHERE id = ?", checkId), last);
            List<Map<String, Object>> lineRows = tables.rows("SELECT * FROM check_lines WHERE check_id = ? ORDER BY line_no", checkId);
            requireCount("check_lines", lineRows.size(), lines.size());
            for (int i = 0; i < lines.size(); i++) {
                SaleLine line = lines.get(i);
                ExpectedRow.in("check_lines", "check " + checkId + " line " + line.lineNo())
                        .column("line_no", line.lineNo())
                        .column("product_id", line.productId())
                        .column("variant_id", line.variantId())
                        .column("modifier_ids", String.join(",", line.modifierIds()))
                        .column("quantity", line.quantity())
                        .column("unit_price", line.unitPrice())
                        .column("discount", line.discount())
                        .column("line_total", line.lineTotal())
                        .column("tax_id", line.taxId())
                        .checkAgainst(Optional.of(lineRows.get(i)), last);
            }
            List<Map<String, Object>> partRows = tables.rows("SELECT * FROM check_parts WHERE check_id = ? ORDER BY part_no", checkId);
            requireCount("check_parts", partRows.size(), parts.size());
            for (int i = 0; i < parts.size(); i++) {
                Check.Part part = parts.get(i);
                ExpectedRow.in("check_parts", "check " + checkId + " part " + part.partNo())
                        .column("part_no", part.partNo())
                        .column("subtotal", part.subtotal())
                        .column("tax_total", part.taxTotal())
                        .column("service_charge", part.serviceCharge())
                        .column("rounding", part.rounding())
                        .column("grand_total", part.grandTotal())
                        .column("sale_id", part.saleId())
                        .column("receipt_number", part.receiptNumber())
                        .checkAgainst(Optional.of(partRows.get(i)), last);
            }
        }

        private void requireCount(String table, int found, int expected) {
            if (found != expected) {
                throw new TableDisagreement(table + " holds " + found + " rows of check " + checkId + " but " + ExpectedRow.said(last)
                        + " leaves it " + expected);
            }
        }
    }
}
