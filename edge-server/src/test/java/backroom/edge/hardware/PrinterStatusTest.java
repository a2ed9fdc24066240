package backroom.edge.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** DLE EOT answers decoded bit by bit, as an Epson documents them. */
class PrinterStatusTest {

    @Test
    void aPrinterWithNothingWrongIsReady() throws IOException {
        assertThat(read(0x12, 0x12, 0x12)).isEqualTo(new PrinterStatus(true, false, false, false, false, false));
        assertThat(read(0x12, 0x12, 0x12).ready()).isTrue();
    }

    @Test
    void eachBitMeansWhatTheManualSays() throws IOException {
        assertThat(read(0x1A, 0x12, 0x12)).isEqualTo(new PrinterStatus(false, false, false, false, false, false));
        assertThat(read(0x16, 0x12, 0x12)).isEqualTo(new PrinterStatus(true, false, false, false, true, false));
        assertThat(read(0x1A, 0x16, 0x12)).isEqualTo(new PrinterStatus(false, true, false, false, false, false));
        assertThat(read(0x12, 0x52, 0x12)).isEqualTo(new PrinterStatus(true, false, false, false, false, true));
        assertThat(read(0x12, 0x12, 0x1E)).isEqualTo(new PrinterStatus(true, false, true, false, false, false));
        assertThat(read(0x12, 0x12, 0x72)).isEqualTo(new PrinterStatus(true, false, false, true, false, false));
        assertThat(read(0x12, 0x32, 0x12)).as("stopped at the paper end").isEqualTo(new PrinterStatus(true, false, false, true, false, false));
        assertThat(read(0x12, 0x12, 0x72).ready()).isFalse();
        assertThat(read(0x12, 0x16, 0x12).ready()).isFalse();
        assertThat(read(0x12, 0x52, 0x12).ready()).isFalse();
        assertThat(read(0x1A, 0x12, 0x12).ready()).isFalse();
        assertThat(read(0x12, 0x12, 0x1E).ready()).as("near the end still prints").isTrue();
        assertThat(read(0x16, 0x12, 0x12).ready()).as("a drawer left open does not stop a print").isTrue();
    }

    @Test
    void aByteThatIsNoStatusIsRefusedNamingTheQuestion() {
        assertThat(catchThrowable(() -> read(0x12, 0x41, 0x12))).isInstanceOf(IOException.class)
                .hasMessage("the printer's answer to DLE EOT 2 is no status byte: 0x41");
        assertThat(catchThrowable(() -> read(0x00, 0x12, 0x12))).hasMessageContaining("DLE EOT 1");
        assertThat(catchThrowable(() -> read(0x12, 0x12, 0x92))).hasMessageContaining("DLE EOT 4");
    }

    @Test
    void aLinkThatCannotReadBackIsAssumedReady() throws IOException {
        assertThat(PrinterStatus.read(new Answers(Map.of()))).isSameAs(PrinterStatus.ASSUMED_READY);
    }

    private static PrinterStatus read(int one, int two, int four) throws IOException {
        return PrinterStatus.read(new Answers(Map.of(1, one, 2, two, 4, four)));
    }

    /** A link answering each question from a table; empty for none, as a file or a USB line printer. */
    private record Answers(Map<Integer, Integer> byQuestion) implements DeviceLink {
        @Override
        public void write(byte[] bytes) {
            throw new AssertionError("a status read writes no job");
        }

        @Override
        public OptionalInt ask(int n) {
            return byQuestion.containsKey(n) ? OptionalInt.of(byQuestion.get(n)) : OptionalInt.empty();
        }

        @Override
        public void close() {
        }
    }
}
