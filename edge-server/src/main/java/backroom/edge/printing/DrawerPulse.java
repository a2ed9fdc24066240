package backroom.edge.printing;

import backroom.edge.profiles.DrawerProfile;
import java.io.ByteArrayOutputStream;

/**
 * A drawer kick through a printer: {@code ESC p m t1 t2} for each pin the profile names (m 0 is
 * pin 2, m 1 is pin 5), on for {@code t1 x 2} ms and off for {@code t2 x 2} ms.
 */
final class DrawerPulse {

    private DrawerPulse() {
    }

    static byte[] bytes(DrawerProfile drawer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int pin : drawer.pins()) {
            out.writeBytes(new byte[] {0x1B, 0x70, (byte) (pin == 5 ? 1 : 0), (byte) Math.min(255, drawer.onMs() / 2),
                    (byte) Math.min(255, drawer.offMs() / 2)});
        }
        return out.toByteArray();
    }
}
