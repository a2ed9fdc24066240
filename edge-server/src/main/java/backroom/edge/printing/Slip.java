package backroom.edge.printing;

import backroom.edge.profiles.PrinterProfile;
import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A page being rendered for one printer model with escpos-coffee: initialised, its code page
 * selected, text fitted to the code page and the line's width, ended with the model's feed and cut.
 */
final class Slip {

    static final Style NORMAL = new Style();
    static final Style BOLD = new Style().setBold(true);
    static final Style CENTERED = new Style().setJustification(EscPosConst.Justification.Center);
    static final Style HEADING = new Style().setBold(true).setJustification(EscPosConst.Justification.Center)
            .setFontSize(Style.FontSize._2, Style.FontSize._2);
    static final Style HUGE = new Style().setBold(true).setJustification(EscPosConst.Justification.Center)
            .setFontSize(Style.FontSize._3, Style.FontSize._3);
    static final Style INVERTED = new Style().setBold(true).setJustification(EscPosConst.Justification.Center)
            .setColorMode(Style.ColorMode.WhiteOnBlack).setFontSize(Style.FontSize._2, Style.FontSize._2);

    private final PrinterProfile profile;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
    private final EscPos escpos = new EscPos(bytes);

    Slip(PrinterProfile profile) {
        this.profile = profile;
        run(() -> {
            escpos.initializePrinter();
            escpos.setPrinterCharacterTable(profile.codePageNumber());
        });
        escpos.setCharsetName(profile.codePage().name());
    }

    /** Characters on a line in the normal font. */
    int width() {
        return profile.columnsFontA();
    }

    Slip line(Style style, String text) {
        run(() -> escpos.writeLF(style, CodePageText.fit(text, profile.codePage())));
        return this;
    }

    Slip line(String text) {
        return line(NORMAL, text);
    }

    /** {@code left} and {@code right} on one line, {@code right} flush right; a long left side wraps above it. */
    Slip columns(Style style, String left, String right) {
        String fittedLeft = CodePageText.fit(left, profile.codePage());
        String fittedRight = CodePageText.fit(right, profile.codePage());
        int room = width() - fittedRight.length() - 1;
        while (fittedLeft.length() > room && room > 0) {
            // A line with more to come may use the whole width; the last one leaves room for the right side.
            int limit = fittedLeft.length() > width() ? width() : room;
            int cut = fittedLeft.lastIndexOf(' ', limit);
            cut = cut <= 0 ? limit : cut;
            line(style, fittedLeft.substring(0, cut));
            fittedLeft = "  " + fittedLeft.substring(cut).strip();
        }
        return line(style, fittedLeft + " ".repeat(Math.max(1, width() - fittedLeft.length() - fittedRight.length())) + fittedRight);
    }

    Slip rule() {
        return line("-".repeat(width()));
    }

    /** A QR code where the model prints them, else its text. */
    Slip qr(String payload) {
        if (profile.qrCode()) {
            run(() -> escpos.write(new QRCode().setSize(5).setJustification(EscPosConst.Justification.Center), payload));
            run(() -> escpos.feed(1));
        } else {
            line(payload);
        }
        return this;
    }

    Slip raw(byte... command) {
        run(() -> escpos.write(command, 0, command.length));
        return this;
    }

    /** Feeds the paper past the cutter and cuts, as the model does. */
    byte[] finish() {
        run(() -> {
            escpos.feed(profile.feedLinesBeforeCut());
            switch (profile.cut()) {
                case FULL -> escpos.cut(EscPos.CutMode.FULL);
                case PARTIAL -> escpos.cut(EscPos.CutMode.PART);
                case NONE -> { }
            }
        });
        return bytes.toByteArray();
    }

    private interface Step {
        void run() throws IOException;
    }

    private static void run(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render to memory", e);
        }
    }
}
