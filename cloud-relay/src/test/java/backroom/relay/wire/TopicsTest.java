package backroom.relay.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private static final StoreId STORE = new StoreId("kopi-nusantara", "jkt-001");

    @Test
    void eachStoreHasItsOwnTopics() {
        assertThat(Topics.events(STORE)).isEqualTo("backroom/v1/kopi-nusantara/jkt-001/events");
        assertThat(Topics.ack(STORE)).isEqualTo("backroom/v1/kopi-nusantara/jkt-001/ack");
        assertThat(Topics.status(STORE)).isEqualTo("backroom/v1/kopi-nusantara/jkt-001/status");
        assertThat(Topics.SHARED_EVENTS).isEqualTo("$share/hq/backroom/v1/+/+/events");
        assertThat(Topics.ledgerRequests(STORE)).isEqualTo("backroom/v1/kopi-nusantara/jkt-001/ledger/get");
        assertThat(Topics.ledgerPages(STORE)).isEqualTo("backroom/v1/kopi-nusantara/jkt-001/ledger/page");
        assertThat(Topics.SHARED_LEDGER_REQUESTS).isEqualTo("$share/hq/backroom/v1/+/+/ledger/get");
    }

    @Test
    void theStoreOfALedgerRequestIsReadBack() {
        assertThat(Topics.storeOfLedgerRequest(Topics.ledgerRequests(STORE))).contains(STORE);
        assertThat(Topics.storeOfLedgerRequest(Topics.ledgerPages(STORE))).isEmpty();
        assertThat(Topics.storeOfLedgerRequest(Topics.events(STORE))).isEmpty();
        assertThat(Topics.storeOfEvents(Topics.ledgerRequests(STORE))).isEmpty();
        assertThat(Topics.storeOfLedgerRequest("backroom/v1/kopi/jkt/x/ledger/get")).isEmpty();
    }

    @Test
    void theStoreOfAnEventsTopicIsReadBack() {
        assertThat(Topics.storeOfEvents(Topics.events(STORE))).contains(STORE);
        assertThat(Topics.storeOfEvents("backroom/v1/kopi/jkt/ack")).isEmpty();
        assertThat(Topics.storeOfEvents("backroom/v1/kopi/jkt/x/events")).isEmpty();
        assertThat(Topics.storeOfEvents("backroom/v1/kopi/JKT/events")).isEmpty();
        assertThat(Topics.storeOfEvents("other/v1/kopi/jkt/events")).isEqualTo(Optional.empty());
    }

    @Test
    void aNameThatCouldReachAnotherStoresTopicsIsRefused() {
        for (String bad : new String[] {"+", "#", "a/b", "", "Upper", "-lead", "x".repeat(65)}) {
            assertThatThrownBy(() -> new StoreId("kopi", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(StoreId.parse("kopi/jkt-001")).isEqualTo(new StoreId("kopi", "jkt-001"));
        assertThatThrownBy(() -> StoreId.parse("kopi")).hasMessage("a store is written franchise/store; got 'kopi'");
    }
}
