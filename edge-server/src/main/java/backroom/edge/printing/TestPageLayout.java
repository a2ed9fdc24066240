package backroom.edge.printing;

import backroom.edge.profiles.PrinterProfile;
import java.time.ZoneId;

/** A technician's test page: what the box thinks this printer is, a ruler of its width, its code page's letters. */
final class TestPageLayout {

    private TestPageLayout() {
    }

    static byte[] render(TestPage page, PrinterProfile profile, ZoneId zone) {
        Slip slip = new Slip(profile);
        StringBuilder ruler = new StringBuilder();
        for (int i = 1; i <= slip.width(); i++) {
            ruler.append(i % 10);
        }
        return slip.line(Slip.HEADING, "TEST PAGE")
                .line("Role:       " + page.role())
                .line("Profile:    " + page.profileId())
                .line("Connection: " + page.connection())
                .line("Code page:  " + profile.codePage().name() + " (ESC t " + profile.codePageNumber() + ")")
                .line("By:         " + page.requestedBy())
                .line("At:         " + ReceiptLayout.TIME.format(page.requestedAt().atZone(zone)))
                .line(ruler.toString())
                .line("Cafe creme: Café crème, Señor, Grüße")
                .qr("backroom:test:" + page.role())
                .finish();
    }
}
