package backroom.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.hardware.HardwareSetup;
import backroom.edge.printing.DeviceStatusBoard;
import backroom.edge.relay.RelayView;
import backroom.edge.testing.Api;
import backroom.edge.testing.NeededTools;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@code /observe/metrics} and {@code /observe/health} on a real box whose receipt printer is a
 * TCP address nothing listens on: the figures follow what the box did, Prometheus' own checker
 * accepts the page, and the unreachable printer makes the box not ready while it stays live.
 */
class MetricsAndHealthTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void theFiguresFollowTheSalesTheLedgerAndTheDeadPrinter() throws Exception {
        int deadPort = freePort();
        try (TestBox box = TestBox.start(config -> config.withHardware(new HardwareSetup(
                "receipt=generic-80mm@tcp:127.0.0.1:" + deadPort + "?connectMs=200&replyMs=200")))) {
            Api api = box.api();
            Map<String, String> before = samples(api);
            String shift = api.openShift("r1");
            for (int i = 0; i < 3; i++) {
                Reply sale = api.ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift));
                assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
            }

            Map<String, String> after = await(api, figures -> number(figures, "backroom_device_failures_total{device=\"receipt\",kind=\"printer\"}") > 0);
            assertThat(number(after, "backroom_sales_total") - number(before, "backroom_sales_total")).isEqualTo(3);
            assertThat(number(after, "backroom_ledger_entries_total{type=\"sale.completed\"}")).isEqualTo(3);
            assertThat(number(after, "backroom_ledger_entries_total{type=\"shift.opened\"}")).isEqualTo(1);
            assertThat(number(after, "backroom_ledger_head_seq")).isEqualTo(api.headSeq());
            assertThat(number(after, "backroom_relay_backlog_entries")).as("no broker: every entry waits").isEqualTo(api.headSeq());
            assertThat(number(after, "backroom_relay_configured")).isZero();
            assertThat(number(after, "backroom_ledger_writable")).isEqualTo(1);
            assertThat(number(after, "backroom_device_up{device=\"receipt\",kind=\"printer\"}")).isZero();
            assertThat(number(after, "backroom_print_jobs_waiting{device=\"receipt\",kind=\"printer\"}"))
                    .as("three receipts wait for the printer that never answered").isEqualTo(3);
            assertThat(number(after, "backroom_live_clients")).isZero();
            assertThat(number(after, "process_resident_memory_bytes")).isPositive();
            assertThat(number(after, "jvm_memory_used_bytes{area=\"heap\"}")).isPositive();
            assertThat(number(after, "jvm_threads_live")).as("the writer, the workers, the server's at least").isGreaterThan(5);

            long groups = number(after, "backroom_ledger_group_writes_count");
            long writes = number(after, "backroom_ledger_group_writes_sum");
            assertThat(groups - number(before, "backroom_ledger_group_writes_count")).as("a group per write at most, one at least")
                    .isBetween(1L, writes - number(before, "backroom_ledger_group_writes_sum"));
            assertThat(writes - number(before, "backroom_ledger_group_writes_sum")).as("the shift and three sales at least")
                    .isGreaterThanOrEqualTo(4);
            assertThat(number(after, "backroom_ledger_group_writes_bucket{le=\"+Inf\"}")).isEqualTo(groups);
            assertThat(number(after, "backroom_ledger_sync_seconds_count")).isEqualTo(groups);
            assertThat(number(after, "backroom_ledger_group_writes_bucket{le=\"512\"}")).isEqualTo(groups);
            assertThat(bucketsNeverFall(after, "backroom_ledger_sync_seconds_bucket")).isTrue();
            assertThat(Double.parseDouble(after.get("backroom_relay_lag_seconds"))).isGreaterThanOrEqualTo(0);

            Reply page = api.anonymous().get("/observe/metrics");
            assertThat(page.contentType()).startsWith("text/plain; version=0.0.4");
            assertThat(promtool(page.text())).as("promtool check metrics says nothing").isEmpty();
        }
    }

    @Test
    void theRelaysLagIsTheAgeOfTheOldestEntryHqHasNotAcknowledged() throws Exception {
        try (TestBox box = TestBox.start()) {
            Api api = box.api();
            box.clock().advance(Duration.ofSeconds(90));
            double lag = Double.parseDouble(samples(api).get("backroom_relay_lag_seconds"));
            assertThat(lag).as("the first entry waits since the box started, 90 s ago by its clock").isBetween(90.0, 120.0);

            long head = api.headSeq();
            RelayView caughtUp = new RelayView(true, true, head, head, 0, Instant.EPOCH, null, "forked at seq 3: test", 0, null);
            DeviceStatusBoard none = new DeviceStatusBoard(List.of(), box.clock(), status -> { });
            Map<String, String> figures = parse(new BoxMetrics(box.box().database(), () -> caughtUp, none, () -> 7, box.clock()).scrape());
            assertThat(figures).containsEntry("backroom_relay_lag_seconds", "0.000").containsEntry("backroom_relay_configured", "1")
                    .containsEntry("backroom_relay_connected", "1").containsEntry("backroom_relay_halted", "1")
                    .containsEntry("backroom_relay_backlog_entries", "0").containsEntry("backroom_relay_acked_seq", Long.toString(head))
                    .containsEntry("backroom_live_clients", "7");
        }
    }

    @Test
    void everySampleBelongsToAFamilyWithItsHelpAndType() {
        try (TestBox box = TestBox.start()) {
            String page = box.api().anonymous().get("/observe/metrics").text();
            List<String> lines = List.of(page.split("\n"));
            for (String line : lines) {
                if (line.startsWith("#")) {
                    continue;
                }
                String name = line.replaceAll("[{ ].*", "");
                String family = lines.contains("# TYPE " + name.replaceAll("_(bucket|sum|count)$", "") + " histogram")
                        || lines.contains("# TYPE " + name.replaceAll("_(sum|count)$", "") + " summary")
                        ? name.replaceAll("_(bucket|sum|count)$", "") : name;
                assertThat(lines).as(line).anyMatch(other -> other.startsWith("# TYPE " + family + " "))
                        .anyMatch(other -> other.startsWith("# HELP " + family + " "));
            }
            assertThat(page).contains("# TYPE jvm_memory_committed_bytes gauge", "# TYPE jvm_memory_max_bytes gauge",
                    "jvm_memory_committed_bytes{area=\"heap\"}", "jvm_memory_max_bytes{area=\"nonheap\"}");
        }
    }

    @Test
    void aPrinterThatCannotBeReachedMakesTheBoxNotReadyWhileItStaysLive() throws Exception {
        int deadPort = freePort();
        try (TestBox box = TestBox.start(config -> config.withHardware(new HardwareSetup(
                "receipt=generic-80mm@tcp:127.0.0.1:" + deadPort + "?connectMs=200&replyMs=200")))) {
            Api anyone = box.api().anonymous();
            Reply ready = awaitStatus(anyone, "/observe/health/ready", 503);
            JsonNode printer = check(ready.body(), "printer:receipt");
            assertThat(printer.path("status").asText()).isEqualTo("DOWN");
            assertThat(printer.path("data").path("online").asBoolean(true)).isFalse();
            assertThat(printer.path("data").path("problem").asText()).contains("127.0.0.1:" + deadPort);
            assertThat(check(ready.body(), "ledger").path("status").asText()).isEqualTo("UP");

            Reply live = anyone.get("/observe/health/live");
            assertThat(live.status()).isEqualTo(200);
            assertThat(check(live.body(), "ledgerWriter").path("data").path("writerRunning").asBoolean()).isTrue();
            assertThat(live.body().path("checks")).hasSize(1);
        }
    }

    @Test
    void aPrinterNotYetAskedCountsAsReadyAndTheMetricsSayNothingOfItsState() {
        try (TestBox box = TestBox.start(config -> config.withHardware(new HardwareSetup("receipt=generic-80mm@file:"
                + box_file())))) {
            Reply health = box.api().anonymous().get("/observe/health");
            JsonNode printer = check(health.body(), "printer:receipt");
            assertThat(printer.path("status").asText()).isEqualTo("UP");
            assertThat(printer.path("data").path("asked").asBoolean(true)).isFalse();
            assertThat(samples(box.api())).doesNotContainKey("backroom_device_up{device=\"receipt\",kind=\"printer\"}")
                    .containsEntry("backroom_print_jobs_waiting{device=\"receipt\",kind=\"printer\"}", "0");
        }
    }

    private static String box_file() {
        try {
            return java.nio.file.Files.createTempFile("backroom-receipt", ".prn").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each sample line as "name{labels}" -> value. */
    static Map<String, String> samples(Api api) {
        Reply page = api.anonymous().get("/observe/metrics");
        assertThat(page.status()).isEqualTo(200);
        return parse(page.text());
    }

    private static Map<String, String> parse(String page) {
        Map<String, String> samples = new LinkedHashMap<>();
        for (String line : page.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return samples;
    }

    private static long number(Map<String, String> samples, String key) {
        assertThat(samples).containsKey(key);
        return Long.parseLong(samples.get(key));
    }

    private static boolean bucketsNeverFall(Map<String, String> samples, String bucket) {
        List<Long> counts = samples.entrySet().stream().filter(sample -> sample.getKey().startsWith(bucket))
                .map(sample -> Long.parseLong(sample.getValue())).toList();
        for (int i = 1; i < counts.size(); i++) {
            if (counts.get(i) < counts.get(i - 1)) {
                return false;
            }
        }
        return counts.size() == 12;
    }

    private static Map<String, String> await(Api api, Predicate<Map<String, String>> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Map<String, String> figures = samples(api);
        while (!done.test(figures)) {
            assertThat(System.nanoTime()).as("the figures did not come: " + figures).isLessThan(deadline);
            Thread.sleep(50);
            figures = samples(api);
        }
        return figures;
    }

    private static Reply awaitStatus(Api api, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Reply reply = api.get(path);
        while (reply.status() != status) {
            assertThat(System.nanoTime()).as(path + " stayed " + reply).isLessThan(deadline);
            Thread.sleep(50);
            reply = api.get(path);
        }
        return reply;
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    /** What {@code promtool check metrics} prints about {@code page}; failing unless it exits 0. */
    private static String promtool(String page) throws IOException, InterruptedException {
        NeededTools.require("prometheus", PROMTOOL);
        Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(said).isZero();
        return said.strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
