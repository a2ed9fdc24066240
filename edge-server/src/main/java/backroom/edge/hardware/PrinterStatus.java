package backroom.edge.hardware;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * What a printer says of itself through real-time status ({@code DLE EOT n}, {@code 10 04 n}).
 * Each answer is one byte whose fixed bits read {@code (b & 0x93) == 0x12}:
 * <pre>
 * n=1 printer:        bit 3 offline; bit 2 drawer kick connector pin 3 high (the drawer's switch: open)
 * n=2 offline cause:  bit 2 cover open; bit 5 stopped at paper end; bit 6 error
 * n=4 paper sensors:  bits 2-3 roll near its end; bits 5-6 paper out
 * </pre>
 */
public record PrinterStatus(boolean online, boolean coverOpen, boolean paperNearEnd, boolean paperOut, boolean drawerOpen,
                            boolean error) {

    /** A device that cannot say otherwise (a file, a USB line printer): online, nothing wrong. */
    public static final PrinterStatus ASSUMED_READY = new PrinterStatus(true, false, false, false, false, false);

    /** Whether a job sent now would print. */
    public boolean ready() {
        return online && !coverOpen && !paperOut && !error;
    }

    /** Asks the three questions over {@code link}; {@link #ASSUMED_READY} when it cannot read back. */
    public static PrinterStatus read(DeviceLink link) throws IOException {
        OptionalInt printer = link.ask(1);
        if (printer.isEmpty()) {
            return ASSUMED_READY;
        }
        int one = valid(1, printer.getAsInt());
        int two = valid(2, link.ask(2).orElseThrow());
        int four = valid(4, link.ask(4).orElseThrow());
        boolean paperOut = (four & 0x60) != 0 || (two & 0x20) != 0;
        return new PrinterStatus((one & 0x08) == 0, (two & 0x04) != 0, (four & 0x0C) != 0, paperOut, (one & 0x04) != 0,
                (two & 0x40) != 0);
    }

    private static int valid(int n, int answer) throws IOException {
        if ((answer & 0x93) != 0x12) {
            throw new IOException(String.format("the printer's answer to DLE EOT %d is no status byte: 0x%02X", n, answer));
        }
        return answer;
    }
}
