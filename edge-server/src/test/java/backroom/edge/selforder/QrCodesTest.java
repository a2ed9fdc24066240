package backroom.edge.selforder;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A table's QR code, drawn as the box serves it, scans back to its link, as a phone's camera would read it. */
class QrCodesTest {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final int PIXELS = 4;

    @Test
    void theSvgScansBackToTheTablesLink() throws Exception {
        String link = "http://192.168.1.20:8080/order?table=t5&code=0123456789abcdef0123456789abcdef";
        String svg = QrCodes.svg(link, "Table t5 & <friends>: scan to order");

        assertThat(scan(svg)).isEqualTo(link);
        assertThat(svg).contains("<title>Table t5 &amp; &lt;friends&gt;: scan to order</title>");
    }

    /** The modules of the SVG's path painted black on white, 4 pixels each, and read by zxing's QR reader. */
    private static String scan(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int width = Integer.parseInt(box.group(1)) * PIXELS;
        int height = Integer.parseInt(box.group(2)) * PIXELS;
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = MODULE.matcher(svg);
        int modules = 0;
        while (module.find()) {
            int x = Integer.parseInt(module.group(1)) * PIXELS;
            int y = Integer.parseInt(module.group(2)) * PIXELS;
            for (int dy = 0; dy < PIXELS; dy++) {
                Arrays.fill(pixels, (y + dy) * width + x, (y + dy) * width + x + PIXELS, 0xFF000000);
            }
            modules++;
        }
        assertThat(modules).as("dark modules drawn").isGreaterThan(100);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)))).getText();
    }
}
