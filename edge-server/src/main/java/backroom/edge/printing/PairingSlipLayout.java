package backroom.edge.printing;

import backroom.edge.profiles.PrinterProfile;
import java.time.ZoneId;

/** The pairing slip: what the code is for, the code in large digits, until when it works. */
final class PairingSlipLayout {

    private PairingSlipLayout() {
    }

    static byte[] render(PairingSlip slip, PrinterProfile profile, ZoneId zone) {
        return new Slip(profile)
                .line(Slip.HEADING, "PAIRING CODE")
                .line("For:   " + slip.deviceName() + " (" + slip.deviceKind() + ")")
                .line(Slip.HEADING, slip.code() == null ? "(already printed)" : slip.code())
                .line("Valid until " + ReceiptLayout.TIME.format(slip.expiresAt().atZone(zone)) + ", once.")
                .line("Open the box's page on the device and enter it.")
                .line("By:    " + slip.requestedBy())
                .finish();
    }
}
