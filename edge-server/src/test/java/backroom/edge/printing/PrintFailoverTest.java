package backroom.edge.printing;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.hardware.HardwareSetup;
import backroom.edge.testing.Api;
import backroom.edge.testing.LiveScreen;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kitchen printers on TCP listeners standing in for port 9100: a printer that dies, runs out of
 * paper or hangs mid-job hands its tickets to the role's backup, each printed exactly once (or,
 * where its bytes had gone out to the dead one, once more headed REPRINT).
 */
class PrintFailoverTest {

    @Test
    void whenTheKitchenPrinterDiesItsTicketsComeOutOfTheBackupEachExactlyOnce() throws Exception {
        try (TcpPrinter grill = TcpPrinter.start(); TcpPrinter spare = TcpPrinter.start();
             TestBox box = TestBox.start(config -> config.withHardware(kitchen(grill, spare)))) {
            Api api = box.api();
            String shift = api.openShift("r1");
            List<String> orders = new ArrayList<>();
            orders.add(orderNumber(api, latte(api, shift)));
            Printed.await(grill::received, tape -> tape.cuts() == 1);

            grill.die();
            for (int i = 0; i < 3; i++) {
                orders.add(orderNumber(api, latte(api, shift)));
            }

            EscPosTape backup = Printed.await(spare::received, tape -> tape.cuts() == 3);
            Printed.sleep(1_500);
            backup = EscPosTape.read(spare.received(), Printed.CP1252);
            EscPosTape primary = EscPosTape.read(grill.received(), Printed.CP1252);
            assertThat(primary.lines()).filteredOn(line -> line.startsWith("#")).containsExactly(orders.getFirst());
            assertThat(backup.lines()).filteredOn(line -> line.startsWith("#")).containsExactlyElementsOf(orders.subList(1, 4));
            assertThat(backup.lines()).as("nothing reached the dead printer, so nothing is a reprint").doesNotContain("REPRINT");
            JsonNode bar = device(api, "kitchen.bar");
            assertThat(bar.path("online").asBoolean()).isFalse();
            assertThat(bar.path("lastError").asText()).contains("cannot reach printer at 127.0.0.1");
            assertThat(bar.path("queued").asLong()).isZero();
        }
    }

    @Test
    void aPrinterOutOfPaperHandsItsTicketsToTheBackupAtOnceAndSaysSo() throws Exception {
        try (TcpPrinter grill = TcpPrinter.start(); TcpPrinter spare = TcpPrinter.start();
             TestBox box = TestBox.start(config -> config.withHardware(kitchen(grill, spare)));
             LiveScreen screen = LiveScreen.connect(box.port(), "token=" + box.api().token())) {
            Api api = box.api();
            String shift = api.openShift("r1");
            grill.set(PrinterPeer.State.PAPER_OUT);

            String order = orderNumber(api, latte(api, shift));
            JsonNode notice = screen.next();
            while (!(notice.path("type").asText().equals("device.status") && notice.path("data").path("role").asText().equals("kitchen.bar"))) {
                notice = screen.next();
            }
            assertThat(notice.path("data").path("paper").asText()).isEqualTo("out");
            assertThat(notice.path("data").path("lastError").asText()).isEqualTo("paper out");

            EscPosTape backup = Printed.await(spare::received, tape -> tape.cuts() == 1);
            assertThat(backup.lines()).contains(order);
            assertThat(grill.received()).as("a printer out of paper is sent nothing").isEmpty();
            JsonNode bar = device(api, "kitchen.bar");
            assertThat(bar.path("paper").asText()).isEqualTo("out");
            assertThat(bar.path("lastError").asText()).isEqualTo("paper out");
            assertThat(bar.path("backup").asText()).isEqualTo("kitchen.spare");
            assertThat(device(api, "kitchen.spare").path("paper").asText()).isEqualTo("ok");
        }
    }

    @Test
    void aPrinterThatHangsOnceItHasAJobHasItReprintedOnTheBackupOnceHeadedReprint() throws Exception {
        try (TcpPrinter grill = TcpPrinter.start(); TcpPrinter spare = TcpPrinter.start();
             TestBox box = TestBox.start(config -> config.withHardware(kitchen(grill, spare)))) {
            Api api = box.api();
            String shift = api.openShift("r1");
            grill.hangAfterNextCut();

            String order = orderNumber(api, latte(api, shift));

            EscPosTape backup = Printed.await(spare::received, tape -> tape.cuts() == 1);
            Printed.sleep(1_000);
            assertThat(EscPosTape.read(grill.received(), Printed.CP1252).lines()).containsOnlyOnce(order).doesNotContain("REPRINT");
            assertThat(backup.lines()).containsSubsequence("REPRINT", order);
            assertThat(EscPosTape.read(spare.received(), Printed.CP1252).cuts()).isEqualTo(1);
        }
    }

    @Test
    void aPrinterThatStopsReadingIsSentNoJobAndItsTicketsPrintOnceOnTheBackup() throws Exception {
        try (TcpPrinter grill = TcpPrinter.start(); TcpPrinter spare = TcpPrinter.start();
             TestBox box = TestBox.start(config -> config.withHardware(kitchen(grill, spare)))) {
            Api api = box.api();
            String shift = api.openShift("r1");
            grill.stopReading();

            String order = orderNumber(api, latte(api, shift));

            EscPosTape backup = Printed.await(spare::received, tape -> tape.cuts() == 1);
            assertThat(backup.lines()).contains(order).doesNotContain("REPRINT");
            assertThat(device(api, "kitchen.bar").path("lastError").asText()).contains("did not answer DLE EOT 1");
            grill.resumeReading();
            Printed.sleep(1_000);
            assertThat(EscPosTape.read(grill.received(), Printed.CP1252).lines()).as("it was only ever asked how it was").isEmpty();
            assertThat(EscPosTape.read(spare.received(), Printed.CP1252).cuts()).isEqualTo(1);
        }
    }

    @Test
    void aDrawerKickThatCouldNotBeSentForMoreThanTenSecondsIsDroppedNotFiredLate() throws Exception {
        try (TcpPrinter printer = TcpPrinter.start();
             TestBox box = TestBox.start(config -> config.withHardware(new HardwareSetup(
                     "receipt=generic-80mm@" + printer.connection() + ";drawer=drawer-via-printer@printer:receipt")))) {
            Api api = box.api();
            String shift = api.openShift("r1");
            printer.die();
            String receipt = latte(api, shift).field("receiptNumber");
            for (int i = 0; i < 100 && device(api, "receipt").path("lastError").isNull(); i++) {
                Printed.sleep(50);
            }
            assertThat(device(api, "receipt").path("queued").asLong()).as("the receipt and its kick wait").isEqualTo(2);

            box.clock().advance(java.time.Duration.ofSeconds(11));
            printer.revive();

            EscPosTape tape = Printed.await(printer::received, printed -> printed.cuts() == 1);
            Printed.sleep(500);
            assertThat(tape.lines()).contains("Receipt " + receipt);
            assertThat(EscPosTape.read(printer.received(), Printed.CP1252).pulses()).isEmpty();
            String kick = box.box().database().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT state || ': ' || last_error FROM print_jobs WHERE kind = 'drawer'").mapTo(String.class).one());
            assertThat(kick).startsWith("dropped: the drawer kick was 1").endsWith("s old: a drawer is not opened late");
        }
    }

    static HardwareSetup kitchen(TcpPrinter grill, TcpPrinter spare) {
        return new HardwareSetup("kitchen.bar=generic-80mm@" + grill.connection() + "&backup=kitchen.spare;"
                + "kitchen.spare=generic-80mm@" + spare.connection());
    }

    static Reply latte(Api api, String shift) {
        Reply sale = api.ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift));
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        return sale;
    }

    static String orderNumber(Api api, Reply sale) {
        return "#" + api.get("/api/v1/orders/" + sale.field("orderId")).number("orderNumber");
    }

    static JsonNode device(Api api, String role) {
        for (JsonNode device : api.get("/api/v1/devices/hardware").body().path("devices")) {
            if (device.path("role").asText().equals(role)) {
                return device;
            }
        }
        throw new AssertionError("no device " + role);
    }
}
