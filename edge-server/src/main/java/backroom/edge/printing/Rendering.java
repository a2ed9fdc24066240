package backroom.edge.printing;

import backroom.edge.profiles.PrinterProfile;
import java.time.ZoneId;

/** A receipt's bytes for a printer model, as its worker would send them: for benches and previews outside this room. */
public final class Rendering {

    private Rendering() {
    }

    public static byte[] receipt(Receipt receipt, PrinterProfile printer, ZoneId zone) {
        return ReceiptLayout.render(receipt, printer, zone, null);
    }
}
