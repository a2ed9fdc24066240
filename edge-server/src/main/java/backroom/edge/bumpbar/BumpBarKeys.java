package backroom.edge.bumpbar;

import backroom.edge.access.Actor;
import backroom.edge.kitchen.KitchenBumps;
import backroom.edge.profiles.BumpBarProfile;
import backroom.edge.web.Problem;
import java.util.logging.Logger;

/**
 * What a bar's keys do at its station, through its profile's key map: bump the Nth order the
 * station's screen shows, or recall the station's last bump. Each is the same write a screen's
 * bump makes, signed {@code bump-bar:<station>}; one the kitchen refuses (no Nth order) is logged.
 */
final class BumpBarKeys {

    private static final Logger LOG = Logger.getLogger(BumpBarKeys.class.getName());

    private final String station;
    private final BumpBarProfile profile;
    private final KitchenBumps kitchen;
    private final Actor bar;

    BumpBarKeys(String station, String where, BumpBarProfile profile, KitchenBumps kitchen) {
        this.station = station;
        this.profile = profile;
        this.kitchen = kitchen;
        this.bar = new Actor(null, null, null, "bump-bar:" + station, "bump bar at " + station + " on " + where);
    }

    void press(String key) {
        profile.actionOf(key).ifPresentOrElse(action -> {
            try {
                if (action.recall()) {
                    kitchen.recall(station, bar);
                } else {
                    kitchen.bumpNth(station, action.nth(), bar);
                }
            } catch (Problem refused) {
                LOG.info("bump bar at " + station + ": " + refused.getMessage());
            }
        }, () -> LOG.fine("bump bar at " + station + ": key '" + key + "' is not in profile " + profile.id()));
    }

    String station() {
        return station;
    }

    BumpBarProfile profile() {
        return profile;
    }
}
