package backroom.edge.printing;

import backroom.edge.profiles.DrawerProfile;
import backroom.edge.profiles.PrinterProfile;
import java.time.ZoneId;

/** A job's bytes for the printer that sends it: rendered for its model, headed REPRINT or COPY where it must be. */
final class Pages {

    static final String REPRINT = "REPRINT";
    static final String COPY = "COPY";

    private Pages() {
    }

    /** {@code drawer} is the profile of the drawer a kick is for (null for other jobs). */
    static byte[] render(PrintJob job, PrinterProfile printer, DrawerProfile drawer, ZoneId zone) {
        return switch (job.document()) {
            case Receipt receipt -> ReceiptLayout.render(receipt, printer, zone, job.reprint() ? REPRINT : receipt.copy() ? COPY : null);
            case KitchenSlip slip -> KitchenSlipLayout.render(slip, printer, zone, job.reprint() ? REPRINT : null);
            case TestPage page -> TestPageLayout.render(page, printer, zone);
            case PairingSlip slip -> PairingSlipLayout.render(slip, printer, zone);
            case DrawerKick kick -> DrawerPulse.bytes(drawer);
        };
    }
}
