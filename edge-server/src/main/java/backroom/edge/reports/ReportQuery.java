package backroom.edge.reports;

import backroom.edge.web.Problem;
import io.helidon.common.parameters.Parameters;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code GET /api/v1/reports/sales?from=2026-12-01&to=2026-12-31&groupBy=day&tz=Asia/Jakarta&format=csv}:
 * the store's days {@code from} to {@code to} (both included; today when absent) in time zone
 * {@code tz} (UTC when absent; its offset must be whole hours, as the sums are kept by the hour).
 * {@code groupBy} is the contract's name (API.md), and {@code payment} its name for the method;
 * {@code by} and {@code method}, the names first served, are still taken.
 */
record ReportQuery(LocalDate from, LocalDate to, String by, ZoneId zone, boolean csv) {

    static final List<String> BY = List.of("day", "hour", "product", "category", "method", "staff");
    private static final List<String> GROUP_BY = List.of("day", "hour", "product", "category", "payment", "staff");
    static final int MOST_DAYS = 366;

    static ReportQuery from(Parameters params, Instant now) {
        String asked = params.first("groupBy").orElseGet(() -> params.first("by").orElse("day"));
        String by = asked.equals("payment") ? "method" : asked;
        if (!BY.contains(by)) {
            throw Problem.malformed("groupBy", "must be one of " + String.join(", ", GROUP_BY));
        }
        String format = params.first("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw Problem.malformed("format", "must be json or csv");
        }
        ReportQuery period = period(params, now);
        return new ReportQuery(period.from(), period.to(), by, period.zone(), format.equals("csv"));
    }

    /** The period alone ({@code from}, {@code to}, {@code tz}), for a report that is not grouped: the kitchen's. */
    static ReportQuery period(Parameters params, Instant now) {
        ZoneId zone = zone(params.first("tz").orElse("UTC"));
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate to = params.first("to").map(text -> date("to", text)).orElse(today);
        LocalDate from = params.first("from").map(text -> date("from", text)).orElse(to);
        if (from.isAfter(to)) {
            throw Problem.malformed("from", "must be on or before to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MOST_DAYS) {
            throw Problem.malformed("to", "a report covers at most " + MOST_DAYS + " days");
        }
        ReportQuery query = new ReportQuery(from, to, "day", zone, false);
        for (Instant edge : List.of(query.start(), query.end())) {
            if (zone.getRules().getOffset(edge).getTotalSeconds() % 3_600 != 0) {
                throw Problem.malformed("tz", "must be a time zone whose offset is whole hours: sums are kept by the hour");
            }
        }
        return query;
    }

    /** The same number of days just before. */
    ReportQuery previous() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new ReportQuery(from.minusDays(days), from.minusDays(1), by, zone, csv);
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException unknown) {
            throw Problem.malformed("tz", "must be a time zone such as UTC or Asia/Jakarta");
        }
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException notADate) {
            throw Problem.malformed(field, "must be a date such as 2026-12-01");
        }
    }
}
