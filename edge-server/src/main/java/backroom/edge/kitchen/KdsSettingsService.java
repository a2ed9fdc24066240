package backroom.edge.kitchen;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Permission;
import backroom.edge.catalog.CatalogStore;
import backroom.edge.catalog.StoreSettings;
import backroom.edge.profiles.BumpBarProfile;
import backroom.edge.profiles.UnknownProfileException;
import backroom.edge.web.Json;
import backroom.edge.web.Problem;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/v1/kds/settings?keys=keyboard-bump-bar}: what a kitchen screen takes from the box
 * as it starts and after each reconnect: when an order turns amber and red (the store's settings,
 * which HQ sets) and the key map of the bump bar that types into it (its profile in
 * {@code device-profiles/}, the keyboard bump bar's unless {@code keys} names another).
 */
public final class KdsSettingsService implements ApiRoutes.Resource {

    static final String KEYBOARD_BUMP_BAR = "keyboard-bump-bar";

    private final Jdbi jdbi;

    public KdsSettingsService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The screen's settings as sent: seconds to amber and to red, and the bar's key map. */
    record ScreenSettings(int amberSeconds, int redSeconds, String keyProfile, Map<String, BumpBarProfile.KeyAction> keys) {
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/settings", Permission.READ_ORDERS, this::settings);
    }

    private void settings(ServerRequest req, ServerResponse res) {
        String profileId = req.query().first("keys").orElse(KEYBOARD_BUMP_BAR);
        BumpBarProfile bar;
        try {
            bar = BumpBarProfile.load(profileId);
        } catch (UnknownProfileException e) {
            throw Problem.invalid("keys", e.getMessage());
        }
        StoreSettings store = jdbi.withHandle(CatalogStore::settings);
        Json.ok(res, new ScreenSettings(store.kdsAmberSeconds(), store.kdsRedSeconds(), bar.id(), bar.keys()));
    }
}
