package backroom.edge.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * How fast each kitchen station got its items ready: of the items sent in a period (cancelled ones
 * apart), how many were ready and in how many seconds from being sent, on average, at the median and
 * at the 90th percentile (interpolated).
 */
record KitchenSpeed(String timeZone, Period period, Period previous) {

    record Period(LocalDate from, LocalDate to, List<Station> stations) {
    }

    record Station(String station, long items, long ready, long cancelled, Double averageSeconds, Double medianSeconds,
                   Double p90Seconds) {
    }

    static Period of(Handle handle, ReportQuery query) {
        return new Period(query.from(), query.to(), stations(handle, query.start(), query.end()));
    }

    private static List<Station> stations(Handle handle, Instant from, Instant to) {
        return handle.createQuery("""
                        SELECT station, COUNT(*) FILTER (WHERE NOT cancelled) AS items,
                               COUNT(ready_at) FILTER (WHERE NOT cancelled) AS ready,
                               COUNT(*) FILTER (WHERE cancelled) AS cancelled,
                               AVG(CAST(DATEDIFF('MILLISECOND', sent_at, ready_at) AS DOUBLE PRECISION))
                                   FILTER (WHERE NOT cancelled) AS average,
                               PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY DATEDIFF('MILLISECOND', sent_at, ready_at))
                                   FILTER (WHERE NOT cancelled) AS median,
                               PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY DATEDIFF('MILLISECOND', sent_at, ready_at))
                                   FILTER (WHERE NOT cancelled) AS p90
                        FROM report_kitchen_items WHERE sent_at >= :from AND sent_at < :to
                        GROUP BY station ORDER BY station""")
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new Station(rs.getString("station"), rs.getLong("items"), rs.getLong("ready"), rs.getLong("cancelled"),
                        seconds(rs.getObject("average")), seconds(rs.getObject("median")), seconds(rs.getObject("p90"))))
                .list();
    }

    /** Milliseconds as seconds to a tenth; null when no item was ready. */
    private static Double seconds(Object millis) {
        return millis == null ? null : Math.round(((Number) millis).doubleValue() / 100) / 10.0;
    }
}
