package backroom.edge.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** Builds a period's rows from the hourly sums: regrouped by the store's day or hour of day, or added up by key. */
final class SalesReports {

    private SalesReports() {
    }

    static SalesReport.Period period(Handle handle, ReportQuery query) {
        List<SalesReport.Row> rows = switch (query.by()) {
            case "day" -> byDay(handle, query);
            case "hour" -> byHourOfDay(handle, query);
            default -> byKey(handle, query);
        };
        Bucket totals = empty();
        for (SalesReport.Row row : rows) {
            totals = totals.plus(new Bucket(null, null, null, row.salesCount(), row.quantity(), row.salesTotal(), row.refundsCount(),
                    row.refundsTotal()));
        }
        return new SalesReport.Period(query.from(), query.to(), rows, SalesReport.Row.of("total", "Total", totals));
    }

    /** Every day of the period, in the store's time zone, those without sales as zeros. */
    private static List<SalesReport.Row> byDay(Handle handle, ReportQuery query) {
        Map<LocalDate, Bucket> days = new TreeMap<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
            days.put(day, empty());
        }
        for (Bucket hour : ReportRows.hourly(handle, Bucket.STORE, query.start(), query.end())) {
            days.merge(LocalDate.ofInstant(hour.hourStart(), query.zone()), hour, Bucket::plus);
        }
        List<SalesReport.Row> rows = new ArrayList<>();
        days.forEach((day, sums) -> rows.add(SalesReport.Row.of(day.toString(), day.toString(), sums)));
        return rows;
    }

    /** The 24 hours of the day, each the sum of that hour over every day of the period. */
    private static List<SalesReport.Row> byHourOfDay(Handle handle, ReportQuery query) {
        Bucket[] hours = new Bucket[24];
        Arrays.fill(hours, empty());
        ZoneId zone = query.zone();
        for (Bucket hour : ReportRows.hourly(handle, Bucket.STORE, query.start(), query.end())) {
            int of = hour.hourStart().atZone(zone).getHour();
            hours[of] = hours[of].plus(hour);
        }
        List<SalesReport.Row> rows = new ArrayList<>();
        for (int h = 0; h < hours.length; h++) {
            String key = String.format("%02d", h);
            rows.add(SalesReport.Row.of(key, key + ":00", hours[h]));
        }
        return rows;
    }

    private static List<SalesReport.Row> byKey(Handle handle, ReportQuery query) {
        Map<String, String> labels = ReportRows.labels(handle, query.by());
        List<SalesReport.Row> rows = new ArrayList<>();
        for (Bucket sums : ReportRows.byKey(handle, query.by(), query.start(), query.end())) {
            rows.add(SalesReport.Row.of(sums.key(), labels.getOrDefault(sums.key(), sums.key()), sums));
        }
        return rows;
    }

    private static Bucket empty() {
        return new Bucket(Instant.EPOCH, Bucket.STORE, "", 0, 0, 0, 0, 0);
    }
}
