package backroom.edge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.LedgerEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text format's details that a scraper trips over: escaping, label order, a histogram's lines. */
class PrometheusTextTest {

    @Test
    void labelValuesAndHelpAreEscapedSoNoValueBreaksALine() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("device", "kitchen \"grill\"\nback\\room");
        labels.put("kind", "printer");
        String text = new PrometheusText().family("x_total", "counter", "Help with a\nnewline and a \\ backslash")
                .sample("x_total", labels, 3).toString();
        assertThat(text).isEqualTo("""
                # HELP x_total Help with a\\nnewline and a \\\\ backslash
                # TYPE x_total counter
                x_total{device="kitchen \\"grill\\"\\nback\\\\room",kind="printer"} 3
                """);
    }

    @Test
    void aHistogramListsItsCumulativeBucketsThenInfinitySumAndCount() {
        String text = new PrometheusText().histogram("h_seconds", "A histogram.", List.of("0.5", "1"), List.of(2L, 3L), "1.25", 4)
                .toString();
        assertThat(text).isEqualTo("""
                # HELP h_seconds A histogram.
                # TYPE h_seconds histogram
                h_seconds_bucket{le="0.5"} 2
                h_seconds_bucket{le="1"} 3
                h_seconds_bucket{le="+Inf"} 4
                h_seconds_sum 1.25
                h_seconds_count 4
                """);
    }

    @Test
    void secondsAreExactDecimalsOfWholeMilliAndMicroseconds() {
        assertThat(Seconds.ofMillis(1_500)).isEqualTo("1.500");
        assertThat(Seconds.ofMillis(7)).isEqualTo("0.007");
        assertThat(Seconds.ofMicros(250)).isEqualTo("0.000250");
        assertThat(Seconds.ofMicros(12_345_678)).isEqualTo("12.345678");
    }

    @Test
    void entriesAreCountedByTypeAndSortedByIt() {
        EntryCounts counts = new EntryCounts();
        counts.accept(List.of(entry(1, "sale.completed"), entry(2, "order.created"), entry(3, "sale.completed")));
        counts.accept(List.of(entry(4, "sale.completed")));
        assertThat(counts.of("sale.completed")).isEqualTo(3);
        assertThat(counts.of("sale.voided")).isZero();
        assertThat(counts.byType()).containsExactly(Map.entry("order.created", 1L), Map.entry("sale.completed", 3L));
    }

    @Test
    void residentMemoryIsReadFromTheProcessStatus() {
        long rss = JvmMeters.residentBytes().orElseThrow();
        assertThat(rss % 1024).as("kB in the file").isZero();
        assertThat(rss).isGreaterThan(16L * 1024 * 1024);
    }

    private static LedgerEntry entry(long seq, String type) {
        return new LedgerEntry(seq, type, Instant.EPOCH, "{}", "0", "1");
    }
}
