package backroom.edge.reports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The report_buckets and report_labels tables: sums added to, names kept, and sums read for a period. */
final class ReportRows {

    private ReportRows() {
    }

    /** Adds each bucket to its row, making the row where there is none yet. */
    static void addAll(Handle handle, Collection<Bucket> buckets) {
        for (Bucket bucket : buckets) {
            int updated = handle.createUpdate("""
                            UPDATE report_buckets SET sales_count = sales_count + :sales, quantity = quantity + :quantity,
                                   amount = amount + :amount, refunds_count = refunds_count + :refunds,
                                   refunds_amount = refunds_amount + :refunded
                            WHERE dimension = :dimension AND hour_start = :hour AND dim_key = :key""")
                    .bindMap(values(bucket))
                    .execute();
            if (updated == 0) {
                handle.createUpdate("""
                                INSERT INTO report_buckets (hour_start, dimension, dim_key, sales_count, quantity, amount, refunds_count,
                                                            refunds_amount)
                                VALUES (:hour, :dimension, :key, :sales, :quantity, :amount, :refunds, :refunded)""")
                        .bindMap(values(bucket))
                        .execute();
            }
        }
    }

    private static Map<String, Object> values(Bucket bucket) {
        Map<String, Object> values = new HashMap<>();
        values.put("hour", bucket.hourStart().atOffset(ZoneOffset.UTC));
        values.put("dimension", bucket.dimension());
        values.put("key", bucket.key());
        values.put("sales", bucket.salesCount());
        values.put("quantity", bucket.quantity());
        values.put("amount", bucket.amount());
        values.put("refunds", bucket.refundsCount());
        values.put("refunded", bucket.refundsAmount());
        return values;
    }

    /** The name reports show for a key; the latest entry's wins. */
    static void label(Handle handle, String dimension, String key, String label) {
        handle.createUpdate("MERGE INTO report_labels (dimension, dim_key, label) KEY (dimension, dim_key) VALUES (:dimension, :key, :label)")
                .bind("dimension", dimension)
                .bind("key", key)
                .bind("label", label)
                .execute();
    }

    /** Each hour's sums of one dimension's key in {@code [from, to)}: what a report by day or by hour regroups. */
    static List<Bucket> hourly(Handle handle, String dimension, Instant from, Instant to) {
        return handle.createQuery("""
                        SELECT hour_start, dimension, dim_key, sales_count, quantity, amount, refunds_count, refunds_amount
                        FROM report_buckets WHERE dimension = :dimension AND hour_start >= :from AND hour_start < :to
                        ORDER BY hour_start, dim_key""")
                .bind("dimension", dimension)
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new Bucket(rs.getObject("hour_start", OffsetDateTime.class).toInstant(), rs.getString("dimension"),
                        rs.getString("dim_key"), rs.getLong("sales_count"), rs.getLong("quantity"), rs.getLong("amount"),
                        rs.getLong("refunds_count"), rs.getLong("refunds_amount")))
                .list();
    }

    /** Each key's sums of one dimension over {@code [from, to)}, added up in the database. */
    static List<Bucket> byKey(Handle handle, String dimension, Instant from, Instant to) {
        return handle.createQuery("""
                        SELECT dim_key, CAST(SUM(sales_count) AS BIGINT) AS sales_count, CAST(SUM(quantity) AS BIGINT) AS quantity,
                               CAST(SUM(amount) AS BIGINT) AS amount, CAST(SUM(refunds_count) AS BIGINT) AS refunds_count,
                               CAST(SUM(refunds_amount) AS BIGINT) AS refunds_amount
                        FROM report_buckets WHERE dimension = :dimension AND hour_start >= :from AND hour_start < :to
                        GROUP BY dim_key ORDER BY dim_key""")
                .bind("dimension", dimension)
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new Bucket(from, dimension, rs.getString("dim_key"), rs.getLong("sales_count"), rs.getLong("quantity"),
                        rs.getLong("amount"), rs.getLong("refunds_count"), rs.getLong("refunds_amount")))
                .list();
    }

    /** Each sale's entry seq, by sale id: what its void and refunds find it by. */
    static void indexSales(Handle handle, Map<String, Long> sold) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO report_sales (sale_id, ledger_seq) VALUES (:sale, :seq)");
        sold.forEach((sale, seq) -> batch.bind("sale", sale).bind("seq", seq).add());
        if (!sold.isEmpty()) {
            batch.execute();
        }
    }

    /** Each product's category, as the catalog entries added up so far say. */
    static Map<String, String> categories(Handle handle) {
        Map<String, String> categories = new HashMap<>();
        handle.createQuery("SELECT product_id, category_id FROM report_products")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> categories.put(e.getKey(), e.getValue()));
        return categories;
    }

    /** Every name kept, by dimension and key ({@code dimension + "\n" + key}). */
    static Map<String, String> allLabels(Handle handle) {
        Map<String, String> labels = new HashMap<>();
        handle.createQuery("SELECT dimension, dim_key, label FROM report_labels")
                .map((rs, ctx) -> Map.entry(rs.getString(1) + "\n" + rs.getString(2), rs.getString(3)))
                .forEach(e -> labels.put(e.getKey(), e.getValue()));
        return labels;
    }

    /** The names of a dimension's keys. */
    static Map<String, String> labels(Handle handle, String dimension) {
        Map<String, String> labels = new HashMap<>();
        handle.createQuery("SELECT dim_key, label FROM report_labels WHERE dimension = :dimension")
                .bind("dimension", dimension)
                .map((rs, ctx) -> Map.entry(rs.getString("dim_key"), rs.getString("label")))
                .forEach(e -> labels.put(e.getKey(), e.getValue()));
        return labels;
    }
}
