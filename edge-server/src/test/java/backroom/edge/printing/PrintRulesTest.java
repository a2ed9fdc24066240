package backroom.edge.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import backroom.edge.profiles.PrinterProfile;
import backroom.edge.web.Problem;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small rules of printing, each at its edges: text, money, a status change, a pole display's line, a receipt's optional parts. */
class PrintRulesTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void printableAsciiPassesAsItIsAndEveryOtherControlCharacterIsLeftOut() {
        assertThat(CodePageText.fit(" ~", CP1252)).isEqualTo(" ~");
        assertThat(CodePageText.fit("a\u007Fb\u001Fc\u0085d", CP1252)).as("DEL, a C0 and a C1 control").isEqualTo("abcd");
        assertThat(CodePageText.fit("é ~", CP1252)).isEqualTo("é ~");
        assertThat(CodePageText.fit("\u00A0x", CP1252)).isEqualTo("\u00A0x");
        assertThat(MoneyText.of(0, "IDR")).isEqualTo("0");
        assertThat(MoneyText.of(-1, "IDR")).isEqualTo("-1");
    }

    @Test
    void aStatusIsNewWhenAnyOfWhatAScreenShowsChangesButNotItsTime() {
        DeviceStatus ready = status(true, "ok", false, false, null, Instant.parse("2026-12-04T10:00:00Z"));

        assertThat(ready.sameAs(status(true, "ok", false, false, null, Instant.parse("2026-12-04T10:05:00Z")))).isTrue();
        assertThat(ready.sameAs(null)).isFalse();
        assertThat(ready.sameAs(status(false, "ok", false, false, null, null))).isFalse();
        assertThat(ready.sameAs(status(true, "out", false, false, null, null))).isFalse();
        assertThat(ready.sameAs(status(true, "ok", true, false, null, null))).isFalse();
        assertThat(ready.sameAs(status(true, "ok", false, true, null, null))).isFalse();
        assertThat(ready.sameAs(status(true, "ok", false, false, "cover open", null))).isFalse();
    }

    @Test
    void aPoleDisplaysLineIsCheckedAtTheEndsOfEachRange() {
        new PoleDisplayService.LineShown("x".repeat(200), 1, 0L, 0L, "IDR").validate();
        new PoleDisplayService.LineShown("x", 9_999, 1_000_000_000_000_000L, 1_000_000_000_000_000L, "IDR").validate();

        assertThat(fields(new PoleDisplayService.LineShown("x".repeat(201), 10_000, 1_000_000_000_000_001L, 1_000_000_000_000_001L,
                "IDR"))).containsExactly("name", "quantity", "amount", "total");
        assertThat(fields(new PoleDisplayService.LineShown(" ", 0, -1L, -1L, "idr"))).containsExactly("name", "quantity", "amount", "total",
                "currency");
        assertThat(fields(new PoleDisplayService.LineShown(null, null, null, null, null))).containsExactly("name", "quantity", "amount",
                "total", "currency");
    }

    @Test
    void aReceiptWithoutTableStaffOrTaxShowsNoneOfThemAndItsRoundingAndDiscountsWhenThereAreSome() {
        Receipt receipt = new Receipt("s9", "Warung", "r2-000001", "r2", null, Instant.parse("2026-12-04T09:30:00Z"), "IDR", "takeaway",
                null, List.of(new Receipt.Line(3, "Kopi", null, List.of(), 10_000, 2_000, 28_000, " ")), 30_000, 2_000, List.of(), 0, -50,
                27_950, List.of(new Receipt.Payment("qris", 27_950, 0)), 0, 9, "cd", false);

        EscPosTape tape = EscPosTape.read(ReceiptLayout.render(receipt, PrinterProfile.load("generic-80mm"), ZoneOffset.UTC, null),
                CP1252);

        assertThat(tape.lines()).contains("Register r2", "takeaway", ReceiptPrintingTest.row("    Discount", "-2,000"),
                ReceiptPrintingTest.row("Discounts", "-2,000"), ReceiptPrintingTest.row("Rounding", "-50"));
        assertThat(tape.lines()).noneMatch(line -> line.startsWith("Tax") || line.startsWith("Change") || line.startsWith("Service")
                || line.contains("Staff") || line.contains("table") || line.trim().equals("*"));
        assertThat(tape.lines().getFirst()).as("no heading").isEqualTo("Warung");
    }

    private static List<String> fields(PoleDisplayService.LineShown line) {
        Throwable refused = catchThrowable(line::validate);
        assertThat(refused).isInstanceOf(Problem.class);
        return ((Problem) refused).errors().stream().map(error -> error.field()).toList();
    }

    private static DeviceStatus status(Boolean online, String paper, Boolean coverOpen, Boolean drawerOpen, String error, Instant at) {
        return new DeviceStatus("receipt", "printer", "generic-80mm", "file:x", null, online, paper, coverOpen, drawerOpen, 0, error, at);
    }
}
