package backroom.edge.printing;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.hardware.HardwareSetup;
import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SocatPair;
import backroom.edge.testing.TestBox;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 2 x 20 pole display on a serial port (a socat pty pair): the line just rung and the running total, then the change. */
class PoleDisplayTest {

    private static final Charset CP437 = Charset.forName("IBM437");
    /** ESC @, ESC = 2, ESC t 0, US C 0, FF, VT: what comes before each pair of lines. */
    private static final byte[] HEADER = {0x1B, 0x40, 0x1B, 0x3D, 0x02, 0x1B, 0x74, 0x00, 0x1F, 0x43, 0x00, 0x0C, 0x0B};

    @TempDir
    Path dir;

    @Test
    void theDisplayShowsEachLineWithTheRunningTotalAndTheChangeAtTheEnd() throws Exception {
        try (SocatPair cable = SocatPair.start(dir)) {
            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            Thread display = cable.play((fromBox, toBox) -> {
                int b;
                while ((b = fromBox.read()) >= 0) {
                    synchronized (shown) {
                        shown.write(b);
                    }
                }
            });
            try (TestBox box = TestBox.start(config -> config.withHardware(new HardwareSetup("pole=pd3000-2x20@serial:" + cable.boxEnd())))) {
                Api api = box.api();
                String shift = api.openShift("r1");

                Reply line = api.post("/api/v1/pole-display/r1",
                        Map.of("name", "Café crème", "quantity", 2, "amount", 60_000, "total", 129_000, "currency", "IDR"));

                assertThat(line.status()).as(line.toString()).isEqualTo(200);
                List<String> screens = await(shown, 1);
                assertThat(screens.getFirst()).isEqualTo("2 Café crème  60,000" + "TOTAL        129,000");
                assertThat(line.body().path("lines").get(0).asText()).isEqualTo("2 Café crème  60,000");

                api.ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift));
                screens = await(shown, 2);
                assertThat(screens.get(1)).isEqualTo("TOTAL         69,000" + "CHANGE        31,000");

                Reply bad = api.post("/api/v1/pole-display/r1", Map.of("name", "", "quantity", 0, "amount", -1, "currency", "rupiah"));
                assertThat(bad.status()).isEqualTo(422);
                assertThat(bad.problemFields()).containsExactlyInAnyOrder("name", "quantity", "amount", "total", "currency");
            }
            display.interrupt();
        }
    }

    /** The pairs of lines shown so far, once there are {@code count}: each after its header, as the display's code page reads them. */
    private static List<String> await(ByteArrayOutputStream shown, int count) {
        for (int i = 0; i < 200; i++) {
            List<String> screens;
            synchronized (shown) {
                screens = screens(shown.toByteArray());
            }
            if (screens.size() >= count && screens.get(count - 1).length() == 40) {
                return screens;
            }
            Printed.sleep(25);
        }
        throw new AssertionError("the display was not sent " + count + " screens: " + new String(shown.toByteArray(), CP437));
    }

    private static List<String> screens(byte[] bytes) {
        String text = new String(bytes, CP437);
        String header = new String(HEADER, CP437);
        return java.util.Arrays.stream(text.split(java.util.regex.Pattern.quote(header))).filter(screen -> !screen.isEmpty()).toList();
    }
}
