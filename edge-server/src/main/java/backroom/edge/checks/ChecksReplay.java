package backroom.edge.checks;

import backroom.edge.kitchen.TableHolds;
import backroom.edge.ledger.ExpectedRow;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Collections;

/**
 * checks, check_lines, check_parts and the tables the checks hold, written again from the
 * {@code check.*} entries through the same row writes as the live checks, at each entry's seq and
 * time. The stock a round took is the stock room's to replay from the same entry; its kitchen
 * ticket is the kitchen's {@code order.*} entry of the same write; a part's sale is the sales
 * room's {@code sale.completed}.
 */
public final class ChecksReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        WriterStatements rows = tables.statements();
        switch (entry.type()) {
            case CheckEntries.OPENED -> {
                var opened = read(entry, CheckEntries.Opened.class);
                CheckRows.open(rows, new CheckRows.Opened(opened.checkId(), opened.tableId(), opened.name(), opened.orderType(),
                        opened.guests()), entry.seq(), entry.occurredAt(), opened.by());
                if (opened.tableId() != null) {
                    TableHolds.write(rows, opened.tableId(), opened.checkId(), entry.seq());
                }
            }
            case CheckEntries.ROUND_ADDED -> {
                var round = read(entry, CheckEntries.RoundAdded.class);
                CheckRows.addLines(rows, round.checkId(), round.lines(), Collections.nCopies(round.lines().size(), round.roundNo()),
                        round.totals());
                CheckRows.countRound(rows, round.checkId(), round.roundNo());
            }
            case CheckEntries.MOVED -> {
                var moved = read(entry, CheckEntries.Moved.class);
                CheckRows.moveTo(rows, moved.checkId(), moved.tableId());
                if (moved.fromTableId() != null) {
                    TableHolds.erase(rows, moved.fromTableId());
                }
                TableHolds.write(rows, moved.tableId(), moved.checkId(), entry.seq());
            }
            case CheckEntries.MERGED -> {
                var merged = read(entry, CheckEntries.Merged.class);
                CheckRows.addLines(rows, merged.checkId(), merged.lines(), Collections.nCopies(merged.lines().size(), 0),
                        merged.totals());
                CheckRows.close(rows, merged.fromCheckId(), Check.MERGED, merged.checkId(), entry.occurredAt());
                if (merged.fromTableId() != null) {
                    TableHolds.erase(rows, merged.fromTableId());
                }
            }
            case CheckEntries.SPLIT -> {
                var split = read(entry, CheckEntries.Split.class);
                CheckRows.split(rows, split.checkId(), split.splitBy(), split.parts());
            }
            case CheckEntries.PART_PAID -> {
                var paid = read(entry, CheckEntries.PartPaid.class);
                CheckRows.paid(rows, paid.checkId(), paid.partNo(), paid.saleId(), paid.receiptNumber());
            }
            case CheckEntries.DISCOUNTED -> {
                var discounted = read(entry, CheckEntries.Discounted.class);
                CheckRows.discount(rows, discounted.checkId(), new CheckDiscount(discounted.amount(), discounted.percentBp()),
                        discounted.reason(), discounted.totals());
            }
            case CheckEntries.PRICE_OVERRIDDEN -> {
                var price = read(entry, CheckEntries.PriceOverridden.class);
                CheckRows.price(rows, price.checkId(), price.lineNo(), price.unitPrice(), price.lineTotal(), price.totals());
            }
            case CheckEntries.CLOSED -> {
                var closed = read(entry, CheckEntries.Closed.class);
                CheckRows.close(rows, closed.checkId(), Check.CLOSED, null, entry.occurredAt());
                if (closed.tableId() != null) {
                    TableHolds.erase(rows, closed.tableId());
                }
            }
            default -> { }
        }
    }

    static <T> T read(LedgerEntry entry, Class<T> type) {
        try {
            return Json.MAPPER.readValue(entry.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(ExpectedRow.said(entry) + " cannot be read as a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
