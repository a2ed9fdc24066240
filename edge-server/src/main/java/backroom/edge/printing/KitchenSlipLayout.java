package backroom.edge.printing;

import backroom.edge.profiles.PrinterProfile;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A station's kitchen ticket laid out for one printer model: readable from an arm's length at the pass. */
final class KitchenSlipLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private KitchenSlipLayout() {
    }

    static byte[] render(KitchenSlip ticket, PrinterProfile profile, ZoneId zone, String heading) {
        Slip slip = new Slip(profile);
        if (heading != null) {
            slip.line(Slip.INVERTED, heading);
        }
        if (ticket.rush()) {
            slip.line(Slip.INVERTED, "*** RUSH ***");
        }
        slip.line(Slip.HUGE, "#" + ticket.orderNumber());
        if (ticket.round() > 1) {
            slip.line(Slip.HEADING, "ROUND " + ticket.round());
        }
        String served = ticket.orderType() == null ? "" : ticket.orderType().replace('_', ' ').toUpperCase(Locale.ROOT);
        slip.line(Slip.HEADING, ticket.tableId() == null ? served : served + " T" + ticket.tableId())
                .columns(Slip.NORMAL, ticket.station().toUpperCase(Locale.ROOT), TIME.format(ticket.sentAt().atZone(zone)))
                .rule();
        for (KitchenSlip.Item item : ticket.items()) {
            slip.line(Slip.HEADING, item.quantity() + " " + item.name());
            if (item.variant() != null) {
                slip.line(Slip.BOLD, "   " + item.variant());
            }
            item.modifiers().forEach(modifier -> slip.line(Slip.BOLD, "   + " + modifier));
            if (item.notes() != null && !item.notes().isBlank()) {
                slip.line(Slip.BOLD, "   ! " + item.notes());
            }
        }
        return slip.rule().finish();
    }
}
