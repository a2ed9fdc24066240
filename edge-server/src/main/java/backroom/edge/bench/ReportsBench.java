package backroom.edge.bench;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backroom bench reports}: a month of a busy store's sales reported by day and by product,
 * each report's time beside a plain scan that adds up the same sale entries itself. The sales are
 * one real sale rung through the API, its ledger entry written again (ids, times, products and
 * methods varied) spread evenly over the month, straight through the ledger writer: what the
 * reports read is the ledger, and ringing 300,000 sales through the API would take this machine
 * minutes without changing what is measured here.
 */
@Command(name = "reports", description = "A month of sales reported by day and by product, beside a plain scan of the same entries.")
final class ReportsBench implements Callable<Integer> {

    private static final List<String> PRODUCTS = List.of("coffee-latte", "coffee-americano", "coffee-cappuccino", "tea-jasmine",
            "food-croissant", "food-banana-bread");
    private static final List<String> METHODS = List.of("card", "qris", "ewallet");
    private static final int PER_WRITE = 1_000;
    private static final int RUNS = 5;

    @Option(names = "--sales", description = "Sales in the month (default 300,000).")
    private int sales = 300_000;

    @Option(names = "--days", description = "Days they are spread over (default 30).")
    private int days = 30;

    @Option(names = "--json", description = "Also print every figure as one JSON object on the last line.")
    private boolean json;

    @Option(names = "--dir", description = "Folder for the bench database (default ./data/bench).")
    private Path dir = Path.of("data", "bench");

    @Override
    public Integer call() throws Exception {
        return BenchFolders.inFreshFolder(dir, "reports", this::measure);
    }

    private int measure(Path runDir) throws Exception {
        BenchLogging.quiet();
        try (Box box = Box.start(new BoxConfig("127.0.0.1", 0, runDir.resolve("box")))) {
            BenchTill till = BenchTill.open(box);
            BenchSales.ring(box, till, 1, 1);
            Jdbi jdbi = box.database().jdbi();
            JsonNode template = Json.read(jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT payload FROM ledger WHERE type = 'sale.completed'").mapTo(String.class).one()));
            LocalDate last = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            LocalDate first = last.minusDays(days - 1);
            long writeStart = System.nanoTime();
            writeMonth(box.database().writer(), template, first.atStartOfDay(ZoneOffset.UTC).toInstant());
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
            System.out.printf("backroom bench reports: %,d sales over %d days (%s to %s), written to the ledger in %.1f s%n%n", sales, days,
                    first, last, writeSeconds);

            String period = "from=" + first + "&to=" + last;
            long catchUpStart = System.nanoTime();
            JsonNode byDay = get(box.port(), till.token(), "/api/v1/reports/sales?" + period + "&by=day");
            double catchUp = (System.nanoTime() - catchUpStart) / 1e9;
            long reported = byDay.path("period").path("totals").path("salesCount").asLong();
            if (reported != sales) {
                throw new IllegalStateException("the report counts " + reported + " sales, not " + sales);
            }
            double dayReport = median(() -> get(box.port(), till.token(), "/api/v1/reports/sales?" + period + "&by=day"));
            double productReport = median(() -> get(box.port(), till.token(), "/api/v1/reports/sales?" + period + "&by=product"));
            double dayScan = median(() -> plainScan(jdbi, "day"));
            double productScan = median(() -> plainScan(jdbi, "product"));

            System.out.println("a month's report (GET /api/v1/reports/sales, this period and the one before)      seconds");
            System.out.printf("  the first, adding up the %,d new entries first                             %8.3f%n", sales, catchUp);
            System.out.printf("  by day:     baseline, a plain scan adding up the month's sale entries       %8.3f%n", dayScan);
            System.out.printf("              the report, from the hourly sums (median of %d)                  %8.3f  (x%.0f faster; target < 1 s)%n",
                    RUNS, dayReport, dayScan / dayReport);
            System.out.printf("  by product: baseline, a plain scan adding up the month's sale entries       %8.3f%n", productScan);
            System.out.printf("              the report, from the hourly sums (median of %d)                  %8.3f  (x%.0f faster; target < 1 s)%n",
                    RUNS, productReport, productScan / productReport);
            if (json) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("sales", sales);
                figures.put("days", days);
                figures.put("catchUpSeconds", round(catchUp));
                figures.put("byDaySeconds", round(dayReport));
                figures.put("byDayPlainScanSeconds", round(dayScan));
                figures.put("byProductSeconds", round(productReport));
                figures.put("byProductPlainScanSeconds", round(productScan));
                System.out.println(Json.write(figures));
            }
        }
        return 0;
    }

    /** The template sale written {@code sales} times, evenly over the month, each with its own id, time, product and method. */
    private void writeMonth(LedgerWriter writer, JsonNode template, Instant start) {
        long spacingMillis = Duration.ofDays(days).toMillis() / sales;
        for (int from = 0; from < sales; from += PER_WRITE) {
            int first = from;
            int upTo = Math.min(sales, from + PER_WRITE);
            writer.submit((handle, ledger) -> {
                for (int i = first; i < upTo; i++) {
                    ObjectNode sale = template.deepCopy();
                    sale.put("saleId", "bench-" + i);
                    sale.put("receiptNumber", "bench-" + i);
                    sale.put("soldAt", start.plusMillis(spacingMillis * i).toString());
                    sale.put("ledgerSeq", ledger.nextSeq());
                    sale.put("change", 0);
                    ((ObjectNode) sale.path("lines").get(0)).put("productId", PRODUCTS.get(i % PRODUCTS.size()));
                    ObjectNode payment = (ObjectNode) sale.path("payments").get(0);
                    payment.put("method", METHODS.get(i % METHODS.size()));
                    payment.put("amount", sale.path("grandTotal").asLong());
                    ledger.append("sale.completed", sale);
                }
                return null;
            });
        }
    }

    /** What a report without the hourly sums would do: read every sale entry of the month and add it up by day or product. */
    private static Map<String, long[]> plainScan(Jdbi jdbi, String by) {
        Map<String, long[]> sums = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT payload FROM ledger WHERE type = 'sale.completed' ORDER BY seq")
                .setFetchSize(1_000)
                .mapTo(String.class)
                .useStream(payloads -> payloads.forEach(payload -> {
                    JsonNode sale = Json.read(payload);
                    if (by.equals("day")) {
                        String day = Instant.parse(sale.path("soldAt").asText()).truncatedTo(ChronoUnit.DAYS).toString();
                        long[] sum = sums.computeIfAbsent(day, key -> new long[2]);
                        sum[0]++;
                        sum[1] += sale.path("grandTotal").asLong();
                    } else {
                        for (JsonNode line : sale.path("lines")) {
                            long[] sum = sums.computeIfAbsent(line.path("productId").asText(), key -> new long[2]);
                            sum[0] += line.path("quantity").asLong();
                            sum[1] += line.path("lineTotal").asLong();
                        }
                    }
                })));
        return sums;
    }

    private static double median(Timed timed) throws Exception {
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            timed.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[RUNS / 2];
    }

    private static JsonNode get(int port, String token, String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.read(answer.body());
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1_000) / 1_000.0;
    }

    private interface Timed {
        Object run() throws Exception;
    }
}
