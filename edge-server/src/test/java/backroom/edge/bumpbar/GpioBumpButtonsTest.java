package backroom.edge.bumpbar;

import static backroom.edge.bumpbar.OrderChecks.awaitUntil;
import static backroom.edge.bumpbar.OrderChecks.status;
import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.ledger.LedgerEntry;
import backroom.edge.testing.Api;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bump buttons on GPIO pins, through Pi4J's mock plugin (there is no GPIO here): a button to
 * ground, so LOW is pressed. A press bounces; the box counts it once.
 */
class GpioBumpButtonsTest {

    private static final int DEBOUNCE_MILLIS = 50;

    @Test
    void aBouncingPressBumpsTheOldestOrderOnceASpikeNothingAndTheSecondButtonRecalls() throws Exception {
        Context pi4j = Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance()).build();
        BumpBarBinding buttons = new BumpBarBinding("bar", new BumpBarBinding.Gpio(List.of(17, 27), DEBOUNCE_MILLIS, false),
                "gpio-bump-buttons");
        try (TestBox box = TestBox.start(config -> config.withBumpBars(List.of(buttons), () -> pi4j))) {
            MockDigitalInput bump = pi4j.io("bump-bar-17");
            MockDigitalInput recall = pi4j.io("bump-bar-27");
            assertThat(bump.config().pull()).as("a button to ground: the pin pulled up").isEqualTo(PullResistance.PULL_UP);
            assertThat(bump.config().debounce()).as("the driver's own debounce, in microseconds").isEqualTo(DEBOUNCE_MILLIS * 1_000L);
            bump.mockState(DigitalState.HIGH);
            recall.mockState(DigitalState.HIGH);
            Thread.sleep(DEBOUNCE_MILLIS * 3); // the mock's pins start LOW (held): let the buttons settle released first
            Api api = box.api();
            String shift = api.openShift("r-bar");
            String first = api.ringSale(Sales.twoLargeLattesWithExtraShot("r-bar", shift)).field("orderId");
            String second = api.ringSale(Sales.twoLargeLattesWithExtraShot("r-bar", shift)).field("orderId");

            toggle(bump, DigitalState.LOW, DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH, DigitalState.LOW);
            awaitUntil(() -> status(api, first).equals("cooking"));
            toggle(bump, DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH);
            toggle(bump, DigitalState.LOW, DigitalState.HIGH);
            Thread.sleep(DEBOUNCE_MILLIS * 6);
            assertThat(bumpsBy(box)).as("the bounces of the press and of the release, and a spike, are no presses").hasSize(1);
            assertThat(status(api, first)).isEqualTo("cooking");
            assertThat(status(api, second)).isEqualTo("pending");

            toggle(recall, DigitalState.LOW);
            awaitUntil(() -> status(api, first).equals("pending"));
            toggle(recall, DigitalState.HIGH);
            toggle(bump, DigitalState.LOW);
            awaitUntil(() -> status(api, first).equals("cooking"));
            awaitUntil(() -> bumpsBy(box).size() == 3); // the entries a moment after the rows: once synced
            assertThat(bumpsBy(box)).extracting(LedgerEntry::type)
                    .containsExactly("order.status_changed", "order.recalled", "order.status_changed");
        }
        assertThat(pi4j.isShutdown()).as("the box lets go of its pins as it stops").isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).as("nor any thread of the buttons left behind")
                .noneMatch(thread -> thread.getName().startsWith("bump-buttons-") && thread.isAlive());
    }

    @Test
    void aButtonToThreeVoltsCountsHighAsPressedAndABounceTrainLongerThanTheWindowIsStillOnePress() throws Exception {
        Context pi4j = Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance()).build();
        int window = 200;
        BumpBarBinding button = new BumpBarBinding("bar", new BumpBarBinding.Gpio(List.of(22), window, true), "gpio-bump-buttons");
        try (TestBox box = TestBox.start(config -> config.withBumpBars(List.of(button), () -> pi4j))) {
            MockDigitalInput bump = pi4j.io("bump-bar-22");
            assertThat(bump.config().pull()).isEqualTo(PullResistance.PULL_DOWN);
            bump.mockState(DigitalState.LOW);
            Thread.sleep(window * 2);
            Api api = box.api();
            String shift = api.openShift("r-bar");
            String first = api.ringSale(Sales.twoLargeLattesWithExtraShot("r-bar", shift)).field("orderId");
            api.ringSale(Sales.twoLargeLattesWithExtraShot("r-bar", shift));

            // Contacts that chatter for longer than the window, each gap well inside it: one press, at the end.
            for (DigitalState state : List.of(DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH)) {
                bump.mockState(state);
                Thread.sleep(window / 8);
            }
            awaitUntil(() -> status(api, first).equals("cooking"));
            Thread.sleep(window * 3);
            assertThat(bumpsBy(box)).hasSize(1);
        }
    }

    @Test
    void pinsThatCannotBeClaimedLeaveTheBoxServing() {
        BumpBarBinding buttons = new BumpBarBinding("bar", new BumpBarBinding.Gpio(List.of(17), DEBOUNCE_MILLIS, false),
                "gpio-bump-buttons");
        try (TestBox box = TestBox.start(config -> config.withBumpBars(List.of(buttons), () -> {
            throw new IllegalStateException("no GPIO chip on this machine");
        }))) {
            Api api = box.api();
            String shift = api.openShift("r-bar");
            assertThat(api.ringSale(Sales.twoLargeLattesWithExtraShot("r-bar", shift)).field("orderId")).isNotBlank();
        }
    }

    private static void toggle(MockDigitalInput pin, DigitalState... states) {
        for (DigitalState state : states) {
            pin.mockState(state);
        }
    }

    private static List<LedgerEntry> bumpsBy(TestBox box) {
        return box.box().database().durableEntriesAfter(0, 10_000).stream()
                .filter(e -> e.payload().contains("\"deviceId\":\"bump-bar:bar\""))
                .toList();
    }
}
