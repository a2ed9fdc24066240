package backroom.edge.printing;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.hardware.HardwareSetup;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TestBox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A technician prints a pairing code on the receipt printer for whoever sets up a new tablet: the
 * slip's code pairs it, the answer and the ledger never hold the code, and the job keeps it only
 * until the slip is out.
 */
class PairingSlipTest {

    private static final Pattern CODE = Pattern.compile("^\\s*([0-9]{6})\\s*$");

    @Test
    void thePrintedCodePairsTheNewDeviceAndIsKeptNowhereOnceOut() throws Exception {
        try (TestBox box = TestBox.start(config -> config.withHardware(HardwareSetup.SIMULATED))) {
            Api api = box.api();
            Reply asked = api.post("/api/v1/hardware/receipt/pairing-code", Map.of("name", "Till 2", "kind", "terminal"));
            assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
            assertThat(asked.body().has("code")).isFalse();
            assertThat(asked.field("name")).isEqualTo("Till 2");

            EscPosTape slip = Printed.awaitPages(receiptFile(box), 1);
            assertThat(slip.lines()).contains("PAIRING CODE").anyMatch(line -> line.startsWith("For:   Till 2 (terminal)"));
            String code = slip.lines().stream().map(CODE::matcher).filter(Matcher::matches).map(match -> match.group(1))
                    .findFirst().orElseThrow(() -> new AssertionError("no code on the slip:\n" + slip.text()));

            Reply paired = api.anonymous().post("/api/v1/devices/pair", Map.of("code", code));
            assertThat(paired.status()).as(paired.toString()).isEqualTo(201);
            assertThat(paired.field("name")).isEqualTo("Till 2");

            String jobId = asked.field("jobId");
            String document = awaitDone(box, jobId);
            assertThat(document).doesNotContain(code).contains("\"code\":null", "Till 2");
            List<LedgerEntry> entries = box.box().database().durableEntriesAfter(0, 10_000);
            assertThat(entries).noneMatch(entry -> entry.payload().contains(code));
            assertThat(entries).filteredOn(entry -> entry.type().equals("pairing.code_printed")).singleElement()
                    .satisfies(entry -> assertThat(entry.payload()).contains(jobId, "\"role\":\"receipt\"", "Till 2"));
        }
    }

    @Test
    void noSuchPrinterOrABadBodyMakesNoCode() {
        try (TestBox box = TestBox.start(config -> config.withHardware(HardwareSetup.SIMULATED))) {
            Api api = box.api();
            long codesBefore = codesMade(box);
            assertThat(api.post("/api/v1/hardware/drawer/pairing-code", Map.of("name", "Till 2", "kind", "terminal")).status())
                    .as("a drawer prints nothing").isEqualTo(404);
            assertThat(api.post("/api/v1/hardware/nowhere/pairing-code", Map.of("name", "Till 2", "kind", "terminal")).status())
                    .isEqualTo(404);
            Reply refused = api.post("/api/v1/hardware/receipt/pairing-code", Map.of("name", "", "kind", "toaster"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.problemFields()).containsExactlyInAnyOrder("name", "kind");
            assertThat(codesMade(box)).isEqualTo(codesBefore);
        }
    }

    private static long codesMade(TestBox box) {
        return box.box().database().durableEntriesAfter(0, 10_000).stream().filter(entry -> entry.type().startsWith("pairing.code")).count();
    }

    private static String awaitDone(TestBox box, String jobId) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            String state = box.box().database().jdbi().withHandle(handle -> handle
                    .createQuery("SELECT state FROM print_jobs WHERE id = :id").bind("id", jobId).mapTo(String.class).one());
            if (state.equals("done")) {
                return box.box().database().jdbi().withHandle(handle -> handle
                        .createQuery("SELECT document FROM print_documents WHERE job_id = :id").bind("id", jobId).mapTo(String.class).one());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " was not done");
    }

    private static Path receiptFile(TestBox box) {
        return box.dataDir().resolve("devices").resolve("receipt.prn");
    }
}
