package backroom.edge.printing;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.hardware.HardwareSetup;
import backroom.edge.testing.Api;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SocatPair;
import backroom.edge.testing.TestBox;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A receipt printer on a serial port (a socat pty pair; jSSC opens the box's end), answering status over the line. */
class SerialPrinterTest {

    @TempDir
    Path dir;

    @Test
    void aReceiptGoesOutOverTheSerialLineAndTheDrawerSensorIsReadBack() throws Exception {
        try (SocatPair cable = SocatPair.start(dir)) {
            PrinterPeer printer = new PrinterPeer();
            Thread device = cable.play(printer::serve);
            try (TestBox box = TestBox.start(config -> config.withHardware(new HardwareSetup(
                    "receipt=epson-tm-t20iii@serial:" + cable.boxEnd() + "?baud=9600;drawer=drawer-via-printer@printer:receipt")))) {
                Api api = box.api();
                String shift = api.openShift("r1");
                String receipt = api.ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift)).field("receiptNumber");

                EscPosTape tape = Printed.await(printer::received, printed -> printed.pulses().size() == 2);
                assertThat(tape.lines()).contains("Receipt " + receipt);
                assertThat(tape.events()).contains(new EscPosTape.CodePage(16));

                printer.set(PrinterPeer.State.DRAWER_OPEN);
                api.post("/api/v1/hardware/receipt/test", java.util.Map.of());
                Printed.await(printer::received, printed -> printed.lines().contains("TEST PAGE"));
                for (int i = 0; i < 100 && !PrintFailoverTest.device(api, "receipt").path("drawerOpen").asBoolean(); i++) {
                    Printed.sleep(50);
                }
                assertThat(PrintFailoverTest.device(api, "receipt").path("drawerOpen").asBoolean()).isTrue();
                assertThat(PrintFailoverTest.device(api, "receipt").path("online").asBoolean()).isTrue();
            }
            device.interrupt();
        }
    }
}
