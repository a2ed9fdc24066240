package backroom.edge.printing;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;

/**
 * Text a printer's code page can show. A character the page lacks loses its accents first
 * ("Crème" on a page without è prints "Creme"), and what is still missing becomes {@code ?}:
 * never UTF-8 bytes, which a printer would show as two or three wrong characters.
 */
final class CodePageText {

    private CodePageText() {
    }

    static String fit(String text, Charset codePage) {
        if (text == null) {
            return "";
        }
        if (printableAscii(text)) {
            // Every code page a profile names holds ASCII where ASCII has it: most text needs no look-up.
            return text;
        }
        CharsetEncoder encoder = codePage.newEncoder();
        StringBuilder fitted = new StringBuilder(text.length());
        text.codePoints().filter(point -> !Character.isISOControl(point)).forEach(point -> {
            String one = Character.toString(point);
            fitted.append(encoder.canEncode(one) ? one : withoutAccents(one, encoder));
        });
        return fitted.toString();
    }

    private static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static String withoutAccents(String one, CharsetEncoder encoder) {
        String bare = Normalizer.normalize(one, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return !bare.isEmpty() && encoder.canEncode(bare) ? bare : "?";
    }
}
