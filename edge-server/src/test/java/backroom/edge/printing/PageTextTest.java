package backroom.edge.printing;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.profiles.DrawerProfile;
import backroom.edge.profiles.PrinterProfile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text, money and pulses as a printer is sent them. */
class PageTextTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Charset CP437 = Charset.forName("IBM437");
    private static final Charset CP866 = Charset.forName("IBM866");

    @Test
    void textOutsideTheCodePageLosesItsAccentsAndThenBecomesAQuestionMark() {
        assertThat(CodePageText.fit("Café crème", CP1252)).isEqualTo("Café crème");
        assertThat(CodePageText.fit("Café crème", CP437)).isEqualTo("Café crème");
        assertThat(CodePageText.fit("Café crème", CP866)).isEqualTo("Cafe creme");
        assertThat(CodePageText.fit("Bún chả giò", CP1252)).isEqualTo("Bún cha giò");
        assertThat(CodePageText.fit("Kopi Susu Gula Aren", CP437)).isEqualTo("Kopi Susu Gula Aren");
        assertThat(CodePageText.fit("拿铁 latte", CP1252)).isEqualTo("?? latte");
        assertThat(CodePageText.fit("tab\there\u0007", CP1252)).as("no control byte reaches the printer").isEqualTo("tabhere");
        assertThat(CodePageText.fit(null, CP1252)).isEmpty();
    }

    @Test
    void aReceiptCarriesCodePageBytesNeverUtf8() {
        PrinterProfile profile = PrinterProfile.load("generic-80mm");
        Receipt receipt = receipt("Café crème", "Nasi Goreng Spesial");

        byte[] bytes = ReceiptLayout.render(receipt, profile, ZoneOffset.UTC, null);

        String hex = HexFormat.of().formatHex(bytes);
        assertThat(hex).contains(HexFormat.of().formatHex("Caf\u00e9 cr\u00e8me".getBytes(CP1252)));
        assertThat(hex).doesNotContain(HexFormat.of().formatHex("é".getBytes(StandardCharsets.UTF_8)));
        EscPosTape tape = EscPosTape.read(bytes, CP1252);
        assertThat(tape.events()).startsWith(new EscPosTape.Init(), new EscPosTape.CodePage(16));
        assertThat(tape.lines()).contains("1 x Café crème                            35,000", "1 x Nasi Goreng Spesial                   35,000");
        assertThat(tape.lines()).contains("Tax 10% (included)                         3,182");
    }

    @Test
    void aNarrowPrinterWrapsALongNameAboveItsPriceAndPrintsTheQrCodeAsText() {
        PrinterProfile narrow = PrinterProfile.load("generic-58mm");
        Receipt receipt = receipt("Es Teh Manis dengan Gula Aren Asli dan Sereh", "Kopi");

        EscPosTape tape = EscPosTape.read(ReceiptLayout.render(receipt, narrow, ZoneOffset.UTC, Pages.REPRINT), CP437);

        assertThat(tape.lines()).allMatch(line -> line.length() <= 32);
        assertThat(tape.lines()).containsSubsequence("REPRINT", "1 x Es Teh Manis dengan Gula", "  Aren Asli dan Sereh     35,000");
        assertThat(tape.qrCodes()).isEmpty();
        assertThat(tape.lines()).contains("backroom:sale:s1?seq=42&hash=ab");
        assertThat(tape.cuts()).as("no cutter on the 58 mm clone").isZero();
        assertThat(tape.events()).contains(new EscPosTape.CodePage(0));
    }

    @Test
    void moneyIsShownInTheCurrencysUnitsWithRupiahWhole() {
        assertThat(MoneyText.of(69_000, "IDR")).isEqualTo("69,000");
        assertThat(MoneyText.of(1_250, "EUR")).isEqualTo("12.50");
        assertThat(MoneyText.of(-5, "USD")).isEqualTo("-0.05");
        assertThat(MoneyText.of(1_234_567, "JPY")).isEqualTo("1,234,567");
        assertThat(MoneyText.of(1_005, "BHD")).isEqualTo("1.005");
        assertThat(MoneyText.of(700, "XXY")).as("an unknown code, in hundredths").isEqualTo("7.00");
        assertThat(ReceiptLayout.taxName(new Receipt.TaxLine("Tax 11% (included)", 1_100, true, 0))).isEqualTo("Tax 11% (included)");
        assertThat(ReceiptLayout.taxName(new Receipt.TaxLine("PPN", 1_100, true, 0))).isEqualTo("PPN 11% (included)");
        assertThat(ReceiptLayout.taxName(new Receipt.TaxLine("PB1", 1_000, false, 0))).isEqualTo("PB1 10%");
        assertThat(ReceiptLayout.percent(1_000)).isEqualTo("10%");
        assertThat(ReceiptLayout.percent(1_150)).isEqualTo("11.5%");
        assertThat(ReceiptLayout.percent(1_005)).isEqualTo("10.05%");
    }

    @Test
    void aDrawerKickPulsesEachPinOfTheProfileForItsTimes() {
        assertThat(DrawerPulse.bytes(DrawerProfile.load("drawer-via-printer")))
                .containsExactly(0x1B, 0x70, 0x00, 50, 250, 0x1B, 0x70, 0x01, 50, 250);
    }

    @Test
    void retriesBackOffFromHalfASecondDoublingToThirtySeconds() {
        assertThat(List.of(1, 2, 3, 6, 7, 50).stream().map(PrinterWorker::backoff)).containsExactly(Duration.ofMillis(500),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    private static Receipt receipt(String first, String second) {
        return new Receipt("s1", "Warung Kopi", "r1-000042", "r1", "Ayu", Instant.parse("2026-12-04T09:30:00Z"), "IDR", "dine_in", "5",
                List.of(new Receipt.Line(1, first, null, List.of(), 35_000, 0, 35_000, null),
                        new Receipt.Line(1, second, null, List.of(), 35_000, 0, 35_000, null)),
                70_000, 0, List.of(new Receipt.TaxLine("Tax 10%", 1_000, true, 3_182)), 0, 0, 70_000,
                List.of(new Receipt.Payment("qris", 70_000, 0)), 0, 42, "ab", false);
    }
}
