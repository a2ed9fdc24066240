package backroom.edge.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.catalog.CatalogImport;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TestBox;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/kds/settings}: the store's amber and red times and a bump bar's key map, as a screen reads them. */
class KdsSettingsTest {

    @Test
    void aScreenGetsTheStoresTimesAndTheKeyboardBarsKeysUnlessItNamesAnotherBar() {
        try (TestBox box = TestBox.start()) {
            JsonNode settings = box.api().get("/api/v1/kds/settings").body();
            assertThat(settings.path("amberSeconds").asInt()).isEqualTo(300);
            assertThat(settings.path("redSeconds").asInt()).isEqualTo(600);
            assertThat(settings.path("keyProfile").asText()).isEqualTo("keyboard-bump-bar");
            assertThat(settings.path("keys").path("1")).isEqualTo(Json.MAPPER.valueToTree(Map.of("action", "bump", "nth", 1)));
            assertThat(settings.path("keys").path("r")).isEqualTo(Json.MAPPER.valueToTree(Map.of("action", "recall")));
            assertThat(settings.path("keys").has("R")).isFalse();

            box.box().database().writer().submit((handle, ledger) -> CatalogImport.apply(handle, ledger, null,
                    Json.MAPPER.valueToTree(Map.of("kdsAmberSeconds", 90, "kdsRedSeconds", 240)), new CurrentPriceList()));
            JsonNode kb1700 = box.api().get("/api/v1/kds/settings?keys=logic-controls-kb1700").body();
            assertThat(kb1700.path("amberSeconds").asInt()).isEqualTo(90);
            assertThat(kb1700.path("redSeconds").asInt()).isEqualTo(240);
            assertThat(kb1700.path("keyProfile").asText()).isEqualTo("logic-controls-kb1700");
            assertThat(kb1700.path("keys").path("R").path("action").asText()).isEqualTo("recall");
        }
    }

    @Test
    void aBarThatIsNoBumpBarProfileIsRefusedNamingKeys() {
        try (TestBox box = TestBox.start()) {
            for (String bad : new String[] {"no-such-bar", "..%2Fpom", "gpio-bump-buttons%3F"}) {
                Reply reply = box.api().get("/api/v1/kds/settings?keys=" + bad);
                assertThat(reply.status()).as(bad).isEqualTo(422);
                assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo("keys");
            }
        }
    }
}
