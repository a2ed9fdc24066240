package backroom.edge.drawer;

import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The drawer_openings table written again from the {@code drawer.opened} entries, each of which
 * is the opening itself, through the same row write as the live open. The drawer's kick was a print
 * job, done on the old box: it is not queued again.
 */
public final class DrawerReplay implements TableReplay {

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        if (entry.type().equals("drawer.opened")) {
            DrawerService.insert(tables.handle(), opening(entry));
        }
    }

    private static DrawerOpening opening(LedgerEntry entry) {
        try {
            return Json.MAPPER.readValue(entry.payload(), DrawerOpening.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ledger entry " + entry.seq() + " (drawer.opened) is not a drawer opening", e);
        }
    }
}
