package backroom.edge.printing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * What a printer would do with the bytes it was sent, decoded command by command as the model
 * reads them: the lines of text in the code page selected, each cut, each drawer pulse, each QR
 * code's data. A byte sequence it does not know fails the test: nothing unexpected reaches paper.
 */
final class EscPosTape {

    /** One thing on the tape. */
    sealed interface Event {
    }

    record Line(String text) implements Event {
    }

    record Cut(boolean partial) implements Event {
    }

    record Pulse(int pin, int onMs, int offMs) implements Event {
    }

    record Qr(String data) implements Event {
    }

    record CodePage(int number) implements Event {
    }

    record Init() implements Event {
    }

    private final List<Event> events = new ArrayList<>();
    private final Charset charset;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();

    private EscPosTape(Charset charset) {
        this.charset = charset;
    }

    static EscPosTape read(byte[] bytes, Charset charset) {
        EscPosTape tape = new EscPosTape(charset);
        tape.decode(bytes);
        return tape;
    }

    List<Event> events() {
        return events;
    }

    List<String> lines() {
        return events.stream().filter(Line.class::isInstance).map(event -> ((Line) event).text()).toList();
    }

    /** Every line, one after another, as one text. */
    String text() {
        return String.join("\n", lines());
    }

    List<String> qrCodes() {
        return events.stream().filter(Qr.class::isInstance).map(event -> ((Qr) event).data()).toList();
    }

    List<Pulse> pulses() {
        return events.stream().filter(Pulse.class::isInstance).map(Pulse.class::cast).toList();
    }

    long cuts() {
        return events.stream().filter(Cut.class::isInstance).count();
    }

    /** How many pages: each starts with ESC @. */
    long pages() {
        return events.stream().filter(Init.class::isInstance).count();
    }

    private void decode(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c == 0x0A) {
                flush();
                i++;
            } else if (c == 0x1B) {
                i = escape(b, i);
            } else if (c == 0x1D) {
                i = group(b, i);
            } else if (c >= 0x20) {
                text.write(c);
                i++;
            } else {
                throw new AssertionError(String.format("unexpected control byte 0x%02X at %d", c, i));
            }
        }
        flush();
    }

    private int escape(byte[] b, int i) {
        int command = b[i + 1] & 0xFF;
        return switch (command) {
            case '@' -> {
                events.add(new Init());
                yield i + 2;
            }
            case 't' -> {
                events.add(new CodePage(b[i + 2] & 0xFF));
                yield i + 3;
            }
            case 'p' -> {
                events.add(new Pulse((b[i + 2] & 0x01) == 0 ? 2 : 5, (b[i + 3] & 0xFF) * 2, (b[i + 4] & 0xFF) * 2));
                yield i + 5;
            }
            case 'd', 'J' -> {
                flush();
                yield i + 3;
            }
            case '!', 'E', '-', 'M', 'a', '3', 'G', 'r', 'V', '{' -> i + 3;
            case '2' -> i + 2;
            default -> throw new AssertionError(String.format("unexpected ESC 0x%02X at %d", command, i));
        };
    }

    private int group(byte[] b, int i) {
        int command = b[i + 1] & 0xFF;
        return switch (command) {
            case 'V' -> {
                flush();
                int m = b[i + 2] & 0xFF;
                events.add(new Cut(m == 1 || m == 49 || m == 66));
                yield m >= 65 ? i + 4 : i + 3;
            }
            case '!', 'B', 'b', 'L' -> command == 'L' ? i + 4 : i + 3;
            case '(' -> qr(b, i);
            default -> throw new AssertionError(String.format("unexpected GS 0x%02X at %d", command, i));
        };
    }

    /** {@code GS ( k pL pH cn fn ...}: function 80 stores the symbol's data, the others set it up or print it. */
    private int qr(byte[] b, int i) {
        if ((b[i + 2] & 0xFF) != 'k') {
            throw new AssertionError("unexpected GS ( " + (char) b[i + 2]);
        }
        int length = (b[i + 3] & 0xFF) | (b[i + 4] & 0xFF) << 8;
        int function = b[i + 6] & 0xFF;
        if (function == 80) {
            events.add(new Qr(new String(b, i + 8, length - 3, charset)));
        }
        return i + 5 + length;
    }

    private void flush() {
        if (text.size() > 0) {
            events.add(new Line(text.toString(charset)));
            text.reset();
        }
    }
}
