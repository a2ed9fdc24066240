package backroom.edge.sales;

import backroom.edge.web.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which units of which lines a refund gives back, and the money for each, by the rule of {@link RefundShares}. */
final class RefundLines {

    private RefundLines() {
    }

    /** {@code items} empty: every unit not refunded yet. Refuses a line the sale lacks or more units than are left. */
    static List<Refund.Line> choose(Sale sale, List<RefundRequest.Item> items, Map<Integer, Integer> refunded) {
        long[] shares = RefundShares.lineShares(sale.lines(), sale.grandTotal());
        List<Refund.Line> lines = new ArrayList<>();
        if (items.isEmpty()) {
            for (int i = 0; i < sale.lines().size(); i++) {
                SaleLine line = sale.lines().get(i);
                int left = line.quantity() - refunded.getOrDefault(line.lineNo(), 0);
                if (left > 0) {
                    lines.add(line(line, shares[i], refunded, left));
                }
            }
            if (lines.isEmpty()) {
                throw Problem.conflict("items", "sale " + sale.saleId() + " is already refunded in full");
            }
            return lines;
        }
        for (int i = 0; i < items.size(); i++) {
            RefundRequest.Item item = items.get(i);
            int index = indexOf(sale, item.lineNo());
            if (index < 0) {
                throw Problem.invalid("items[" + i + "].lineNo", "sale " + sale.saleId() + " has no line " + item.lineNo());
            }
            SaleLine line = sale.lines().get(index);
            int left = line.quantity() - refunded.getOrDefault(line.lineNo(), 0);
            if (item.quantity() > left) {
                throw Problem.conflict("items[" + i + "].quantity", "only " + left + " of line " + line.lineNo() + " are left to refund");
            }
            lines.add(line(line, shares[index], refunded, item.quantity()));
        }
        return lines;
    }

    private static Refund.Line line(SaleLine line, long share, Map<Integer, Integer> refunded, int units) {
        int before = refunded.getOrDefault(line.lineNo(), 0);
        return new Refund.Line(line.lineNo(), units, RefundShares.forUnits(share, line.quantity(), before, units));
    }

    private static int indexOf(Sale sale, int lineNo) {
        for (int i = 0; i < sale.lines().size(); i++) {
            if (sale.lines().get(i).lineNo() == lineNo) {
                return i;
            }
        }
        return -1;
    }
}
