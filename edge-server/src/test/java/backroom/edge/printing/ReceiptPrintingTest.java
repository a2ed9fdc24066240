package backroom.edge.printing;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.hardware.HardwareSetup;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A box with its simulated printers (files, the default of {@code backroom run}): what a sale
 * prints, decoded as the printer would read it.
 */
class ReceiptPrintingTest {

    @Test
    void aCashSalePrintsItsReceiptWithTheEntrysSeqAndHashAndKicksTheDrawerOnBothPins() throws Exception {
        try (TestBox box = TestBox.start(config -> config.withHardware(HardwareSetup.SIMULATED))) {
            Api api = box.api();
            String shift = api.openShift("r1");
            Reply sale = api.ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift));

            EscPosTape tape = Printed.awaitPages(receiptFile(box), 1);
            Printed.sleep(200);
            tape = Printed.awaitPages(receiptFile(box), 1);

            assertThat(tape.lines()).containsSubsequence("Backroom Demo Coffee", "Receipt " + sale.field("receiptNumber"));
            assertThat(tape.lines()).containsSubsequence(
                    row("2 x Latte", "60,000"),
                    "    Large",
                    "    + Extra shot",
                    row("Subtotal", "60,000"),
                    row("Tax 10%", "6,000"),
                    row("Service charge", "3,000"),
                    row("TOTAL IDR", "69,000"),
                    row("Paid cash", "100,000"),
                    row("Change", "31,000"));
            LedgerEntry entry = box.box().database().durableEntriesAfter(0, 1_000).stream()
                    .filter(e -> e.seq() == sale.number("ledgerSeq")).findFirst().orElseThrow();
            assertThat(entry.type()).isEqualTo("sale.completed");
            assertThat(tape.qrCodes()).containsExactly("backroom:sale:" + sale.field("saleId") + "?seq=" + entry.seq() + "&hash=" + entry.hash());
            assertThat(tape.cuts()).isEqualTo(1);
            assertThat(tape.pulses()).containsExactly(new EscPosTape.Pulse(2, 100, 500), new EscPosTape.Pulse(5, 100, 500));
            assertThat(tape.events().indexOf(tape.pulses().getFirst())).as("the drawer opens after the receipt is cut")
                    .isGreaterThan(tape.events().indexOf(new EscPosTape.Cut(true)));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(receiptFile(box)))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(receiptFile(box).getParent()))).isEqualTo("rwx------");
        }
    }

    @Test
    void aCardSaleOpensNoDrawerAndEachStationGetsItsOwnTicketWithTheBigOrderNumber() {
        try (TestBox box = TestBox.start(config -> config.withHardware(HardwareSetup.SIMULATED))) {
            Api api = box.api();
            String shift = api.openShift("r1");
            Reply sale = api.ringSale(Sales.sale("r1", shift, List.of(Sales.item("coffee-latte", "large", 1, List.of()),
                    Sales.item("food-croissant", null, 2, List.of())), List.of(Sales.payment("card", 79_400))));
            assertThat(sale.status()).as(sale.toString()).isEqualTo(201);

            EscPosTape kitchen = Printed.awaitPages(box.dataDir().resolve("devices/kitchen.prn"), 2);
            EscPosTape receipt = Printed.awaitPages(receiptFile(box), 1);

            assertThat(receipt.pulses()).isEmpty();
            assertThat(kitchen.cuts()).isEqualTo(2);
            String orderNumber = "#" + box.api().get("/api/v1/orders/" + sale.field("orderId")).number("orderNumber");
            assertThat(kitchen.text().split(orderNumber, -1)).as("the order number heads each station's ticket").hasSize(3);
            List<String> lines = kitchen.lines().stream().map(line -> line.replaceAll("\\d\\d:\\d\\d$", "HH:MM")).toList();
            assertThat(lines).containsSubsequence(orderNumber, "TAKEAWAY", row("BAR", "HH:MM"), "1 Latte", "   Large");
            assertThat(lines).containsSubsequence(orderNumber, "TAKEAWAY", row("PASTRY", "HH:MM"), "2 Butter croissant");
        }
    }

    @Test
    void aSecondRoundOnATableIsMarkedAsSuchAndAReprintIsHeadedCopyAndLogged() {
        try (TestBox box = TestBox.start(config -> config.withHardware(HardwareSetup.SIMULATED))) {
            Api api = box.api();
            String shift = api.openShift("r1");
            Map<String, Object> first = dineIn(shift, "coffee-latte", "large");
            Reply one = api.ringSale(first);
            assertThat(one.status()).as(one.toString()).isEqualTo(201);
            assertThat(api.ringSale(dineIn(shift, "coffee-latte", "regular")).status()).isEqualTo(201);

            EscPosTape kitchen = Printed.awaitPages(box.dataDir().resolve("devices/kitchen.prn"), 2);
            assertThat(kitchen.lines()).containsSubsequence("DINE IN T7", "1 Latte", "ROUND 2", "DINE IN T7", "1 Latte", "   Regular");
            assertThat(kitchen.lines()).filteredOn("ROUND 2"::equals).hasSize(1);

            Reply reprint = api.post("/api/v1/sales/" + one.field("saleId") + "/reprint", Map.of());
            assertThat(reprint.status()).as(reprint.toString()).isEqualTo(202);
            EscPosTape receipts = Printed.await(() -> Printed.read(receiptFile(box)), tape -> tape.cuts() == 3);
            assertThat(receipts.lines()).filteredOn("COPY"::equals).hasSize(1);
            assertThat(receipts.lines()).filteredOn(("Receipt " + one.field("receiptNumber"))::equals).hasSize(2);
            assertThat(receipts.lines()).doesNotContain("REPRINT");
            awaitEntry(box, "receipt.reprinted");
            assertThat(api.post("/api/v1/sales/no-such-sale/reprint", Map.of()).status()).isEqualTo(404);
        }
    }

    @Test
    void aNoSaleOpenKicksTheRegistersDrawer() {
        try (TestBox box = TestBox.start(config -> config.withHardware(HardwareSetup.SIMULATED))) {
            Api api = box.api();

            Reply open = api.post("/api/v1/drawer/open", Map.of("registerId", "r1", "reason", "change for the float"));

            assertThat(open.status()).isEqualTo(201);
            EscPosTape tape = Printed.await(() -> Printed.read(receiptFile(box)), printed -> printed.pulses().size() == 2);
            assertThat(tape.lines()).as("a kick prints nothing").isEmpty();
        }
    }

    @Test
    void aUsbLinePrintersDeviceFileIsSentTheReceiptAndATechniciansTestKicksTheDrawer() throws Exception {
        Path lp0 = Files.createTempFile("lp0", ".prn");
        try (TestBox box = TestBox.start(config -> config.withHardware(new HardwareSetup(
                "receipt=epson-tm-m30iii@usb:" + lp0 + ";drawer=drawer-via-printer@printer:receipt")))) {
            Api api = box.api();
            String shift = api.openShift("r1");
            String receipt = api.ringSale(Sales.one("r1", shift, "food-croissant", 25_300)).field("receiptNumber");
            Printed.await(() -> Printed.read(lp0), tape -> tape.cuts() == 1);

            Reply kick = api.post("/api/v1/hardware/drawer/test", Map.of());

            assertThat(kick.status()).as(kick.toString()).isEqualTo(202);
            EscPosTape tape = Printed.await(() -> Printed.read(lp0), printed -> printed.pulses().size() == 2);
            assertThat(tape.lines()).contains("Receipt " + receipt);
            assertThat(api.post("/api/v1/hardware/pole/test", Map.of()).status()).as("no such role").isEqualTo(404);
            awaitEntry(box, "hardware.tested");
        } finally {
            Files.deleteIfExists(lp0);
        }
    }

    private static Map<String, Object> dineIn(String shift, String product, String variant) {
        return Map.of("registerId", "r1", "shiftId", shift, "orderType", "dine_in", "tableId", "7",
                "items", List.of(Sales.item(product, variant, 1, List.of())), "payments", List.of(Sales.payment("cash", 100_000)));
    }

    private static void awaitEntry(TestBox box, String type) {
        for (int i = 0; i < 200; i++) {
            if (box.box().database().durableEntriesAfter(0, 10_000).stream().anyMatch(e -> e.type().equals(type))) {
                return;
            }
            Printed.sleep(50);
        }
        throw new AssertionError("no " + type + " entry");
    }

    /** A line of an 80 mm receipt in font A: {@code left}, and {@code right} flush with the 48th column. */
    static String row(String left, String right) {
        return left + " ".repeat(48 - left.length() - right.length()) + right;
    }

    static Path receiptFile(TestBox box) {
        return box.dataDir().resolve("devices/receipt.prn");
    }
}
