package backroom.edge.reports;

import backroom.edge.ledger.LedgerEntries;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Adds the ledger's entries up into the reports' tables (hourly sums of sales, and the kitchen's
 * times, {@link KitchenTimes}), from where it last stopped to the head, a batch of entries and its
 * rows in one transaction with the seq it reached, so a crash between batches leaves the rows and
 * the seq agreeing. A sale adds itself in the hour it was sold; its void takes
 * the same figures back out of that hour; a refund counts in the hour it was given. Money by
 * method is what the Z report counts: payments net of the change given in cash, tips apart.
 */
final class ReportProjection {

    /** Entries added up in one transaction. */
    static final int BATCH = 5_000;
    static final String NO_STAFF = "-";
    static final String NO_CATEGORY = "-";
    /** The store's currency, as its latest sale names it: kept among the labels. */
    static final String CURRENCY = "currency";

    private final Jdbi jdbi;
    private final int batchSize;
    /** Each product's category and each key's name, as the tables hold them; read once, then kept with every change. */
    private Map<String, String> categories;
    private Map<String, String> labels;

    ReportProjection(Jdbi jdbi) {
        this(jdbi, BATCH);
    }

    ReportProjection(Jdbi jdbi, int batchSize) {
        this.jdbi = jdbi;
        this.batchSize = batchSize;
    }

    /** Adds up every entry not yet added. */
    synchronized void catchUp() {
        long reached;
        try {
            do {
                reached = jdbi.inTransaction(this::nextBatch);
            } while (reached < 0);
        } catch (RuntimeException failed) {
            // The batch was rolled back: what was kept in memory from it must be read again.
            categories = null;
            labels = null;
            throw failed;
        }
    }

    /** One batch; the seq it reached, negated when there may be more. */
    private long nextBatch(Handle handle) {
        if (categories == null) {
            categories = ReportRows.categories(handle);
            labels = ReportRows.allLabels(handle);
        }
        long applied = handle.createQuery("SELECT applied_seq FROM report_progress WHERE id = 1").mapTo(Long.class).one();
        var entries = LedgerEntries.after(handle, applied, batchSize);
        if (entries.isEmpty()) {
            return applied;
        }
        Batch batch = new Batch(handle);
        for (LedgerEntry entry : entries) {
            add(batch, entry);
        }
        ReportRows.indexSales(handle, batch.sold);
        ReportRows.addAll(handle, batch.sums.values());
        long reached = entries.getLast().seq();
        handle.createUpdate("UPDATE report_progress SET applied_seq = :seq WHERE id = 1").bind("seq", reached).execute();
        return entries.size() == batchSize ? -reached : reached;
    }

    private void add(Batch batch, LedgerEntry entry) {
        switch (entry.type()) {
            case "catalog.seeded", "catalog.imported" -> catalogued(batch, Json.read(entry.payload()));
            case "catalog.product_upserted" -> product(batch, Json.read(entry.payload()));
            case "sale.completed" -> {
                JsonNode sale = Json.read(entry.payload());
                batch.sold.put(sale.path("saleId").asText(), entry.seq());
                label(batch, Bucket.STORE, CURRENCY, sale.path("currency").asText());
                sold(batch, sale, 1);
            }
            case "sale.voided" -> batch.saleEntry(Json.read(entry.payload()).path("saleId").asText()).ifPresent(sale -> sold(batch, sale, -1));
            case "sale.refunded" -> refunded(batch, Json.read(entry.payload()));
            default -> KitchenTimes.add(batch.handle, entry);
        }
    }

    private void catalogued(Batch batch, JsonNode catalog) {
        for (JsonNode category : catalog.path("categories")) {
            label(batch, Bucket.CATEGORY, category.path("id").asText(), category.path("name").asText());
        }
        catalog.path("products").forEach(product -> product(batch, product));
    }

    private void product(Batch batch, JsonNode product) {
        String id = product.path("id").asText();
        String category = product.path("categoryId").isTextual() ? product.path("categoryId").asText() : NO_CATEGORY;
        if (!category.equals(categories.put(id, category))) {
            batch.handle.createUpdate("MERGE INTO report_products (product_id, category_id) KEY (product_id) VALUES (:id, :category)")
                    .bind("id", id)
                    .bind("category", category)
                    .execute();
        }
        label(batch, Bucket.PRODUCT, id, product.path("name").asText());
    }

    /** Keeps a key's name when it is new or has changed. */
    private void label(Batch batch, String dimension, String key, String label) {
        if (!label.equals(labels.put(dimension + "\n" + key, label))) {
            ReportRows.label(batch.handle, dimension, key, label);
        }
    }

    /** A sale's figures, added ({@code sign} 1) or taken back out by its void (-1), in the hour it was sold. */
    private void sold(Batch batch, JsonNode sale, int sign) {
        Instant hour = hourOf(sale.path("soldAt"));
        long grandTotal = sale.path("grandTotal").asLong();
        batch.put(new Bucket(hour, Bucket.STORE, "", sign, 0, sign * grandTotal, 0, 0));
        String staff = sale.path("by").path("staffId").isTextual() ? sale.path("by").path("staffId").asText() : NO_STAFF;
        if (sale.path("by").path("staffName").isTextual()) {
            label(batch, Bucket.STAFF, staff, sale.path("by").path("staffName").asText());
        }
        batch.put(new Bucket(hour, Bucket.STAFF, staff, sign, 0, sign * grandTotal, 0, 0));
        long change = sale.path("change").asLong();
        for (JsonNode payment : sale.path("payments")) {
            long amount = payment.path("amount").asLong();
            String method = payment.path("method").asText();
            if (method.equals("cash") && change > 0) {
                // The change comes out of the cash taken, as the Z report counts it.
                long given = Math.min(change, amount);
                amount -= given;
                change -= given;
            }
            batch.put(new Bucket(hour, Bucket.METHOD, method, sign, 0, sign * amount, 0, 0));
        }
        for (JsonNode line : sale.path("lines")) {
            String product = line.path("productId").asText();
            long quantity = line.path("quantity").asLong();
            long lineTotal = line.path("lineTotal").asLong();
            batch.put(new Bucket(hour, Bucket.PRODUCT, product, sign, sign * quantity, sign * lineTotal, 0, 0));
            batch.put(new Bucket(hour, Bucket.CATEGORY, categoryOf(product), sign, sign * quantity, sign * lineTotal, 0, 0));
        }
    }

    /** A refund in the hour it was given: the store's and its method's refunds, and the units and money of each line given back. */
    private void refunded(Batch batch, JsonNode refund) {
        Instant hour = hourOf(refund.path("refundedAt"));
        long amount = refund.path("amount").asLong();
        batch.put(new Bucket(hour, Bucket.STORE, "", 0, 0, 0, 1, amount));
        batch.put(new Bucket(hour, Bucket.METHOD, refund.path("method").asText(), 0, 0, 0, 1, amount));
        Map<Integer, String> products = new HashMap<>();
        batch.saleEntry(refund.path("saleId").asText())
                .ifPresent(sale -> sale.path("lines").forEach(line -> products.put(line.path("lineNo").asInt(), line.path("productId").asText())));
        for (JsonNode line : refund.path("lines")) {
            String product = products.get(line.path("lineNo").asInt());
            if (product != null) {
                long units = line.path("quantity").asLong();
                long money = line.path("amount").asLong();
                batch.put(new Bucket(hour, Bucket.PRODUCT, product, 0, 0, 0, units, money));
                batch.put(new Bucket(hour, Bucket.CATEGORY, categoryOf(product), 0, 0, 0, units, money));
            }
        }
    }

    private String categoryOf(String productId) {
        return categories.getOrDefault(productId, NO_CATEGORY);
    }

    private static Instant hourOf(JsonNode time) {
        return Instant.parse(time.asText()).truncatedTo(ChronoUnit.HOURS);
    }

    /** One batch's work: its sums, the sales it rang (for their voids and refunds), and the transaction's handle. */
    private static final class Batch {

        private final Handle handle;
        private final Map<Bucket.Where, Bucket> sums = new LinkedHashMap<>();
        private final Map<String, Long> sold = new LinkedHashMap<>();

        Batch(Handle handle) {
            this.handle = handle;
        }

        void put(Bucket bucket) {
            sums.merge(bucket.where(), bucket, Bucket::plus);
        }

        /** A sale's own entry, from this batch or one before. */
        Optional<JsonNode> saleEntry(String saleId) {
            Long seq = sold.get(saleId);
            Optional<Long> at = seq != null ? Optional.of(seq) : handle.createQuery("SELECT ledger_seq FROM report_sales WHERE sale_id = :sale")
                    .bind("sale", saleId)
                    .mapTo(Long.class)
                    .findOne();
            return at.map(found -> Json.read(LedgerEntries.at(handle, found).payload()));
        }
    }
}
