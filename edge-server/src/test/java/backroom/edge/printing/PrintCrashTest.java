package backroom.edge.printing;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.ChildBox;
import backroom.edge.testing.Sales;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the real server while a receipt is being sent: after the restart the job that was cut
 * off prints once more, headed REPRINT; a job that was done never prints again, and a drawer kick
 * that was under way is not fired late.
 */
class PrintCrashTest {

    @TempDir
    Path data;

    @Test
    void killDashNineMidPrintSendsTheCutOffReceiptOnceMoreHeadedReprintAndNothingElseAgain() throws Exception {
        try (TcpPrinter printer = TcpPrinter.start()) {
            Map<String, String> hardware = Map.of("BACKROOM_HARDWARE",
                    "receipt=generic-80mm@" + printer.connection(10_000) + ";drawer=drawer-via-printer@printer:receipt");
            String done;
            String cutOff;
            try (ChildBox box = ChildBox.start(data, 0, hardware)) {
                Api api = box.api();
                String shift = api.openShift("r1");
                done = api.ringSale(Sales.one("r1", shift, "food-croissant", 25_300)).field("receiptNumber");
                Printed.await(printer::received, tape -> tape.cuts() == 1);
                printer.hangAfterNextCut();

                cutOff = api.ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift)).field("receiptNumber");
                Printed.await(printer::received, tape -> tape.cuts() == 2 && tape.pulses().size() == 2);
                box.kill();
            }
            printer.answerAll();

            try (ChildBox again = ChildBox.start(data, 0, hardware)) {
                EscPosTape tape = Printed.await(printer::received, printed -> printed.cuts() == 3);
                Printed.sleep(2_000);
                tape = EscPosTape.read(printer.received(), Printed.CP1252);
                assertThat(tape.cuts()).isEqualTo(3);
                assertThat(tape.lines()).filteredOn(("Receipt " + done)::equals).hasSize(1);
                assertThat(tape.lines()).filteredOn(("Receipt " + cutOff)::equals).hasSize(2);
                assertThat(tape.lines()).filteredOn("REPRINT"::equals).hasSize(1);
                assertThat(tape.lines().subList(tape.lines().indexOf("REPRINT"), tape.lines().size()))
                        .contains("Receipt " + cutOff).doesNotContain("Receipt " + done);
                assertThat(tape.pulses()).as("the kick under way at the kill is not fired again").hasSize(2);
                assertThat(again.output()).contains("were being sent when the box stopped");
            }
        }
    }
}
