package backroom.edge.reports;

import java.util.List;
import java.util.stream.Stream;

/**
 * A sales report as CSV for a spreadsheet: one header line, then the period's rows and total, then
 * the previous period's, each line naming its period. A text that a spreadsheet would read as a
 * formula (it starts with =, +, - or @) is written with a leading apostrophe.
 */
final class ReportCsv {

    static final String HEADER = "period,from,to,key,label,salesCount,quantity,salesTotal,refundsCount,refundsTotal,net";

    private ReportCsv() {
    }

    static String of(SalesReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        lines(csv, "current", report.period());
        lines(csv, "previous", report.previous());
        return csv.toString();
    }

    private static void lines(StringBuilder csv, String name, SalesReport.Period period) {
        for (SalesReport.Row row : rowsAndTotal(period)) {
            csv.append(String.join(",", name, period.from().toString(), period.to().toString(), text(row.key()), text(row.label()),
                            Long.toString(row.salesCount()), Long.toString(row.quantity()), Long.toString(row.salesTotal()),
                            Long.toString(row.refundsCount()), Long.toString(row.refundsTotal()), Long.toString(row.net())))
                    .append("\r\n");
        }
    }

    private static List<SalesReport.Row> rowsAndTotal(SalesReport.Period period) {
        return Stream.concat(period.rows().stream(), Stream.of(period.totals())).toList();
    }

    /** A field quoted when it holds a comma, quote or line break, and kept from being read as a formula. */
    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
