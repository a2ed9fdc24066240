package backroom.edge.printing;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.hardware.HardwareSetup;
import backroom.edge.testing.Api;
import backroom.edge.testing.TestBox;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A drawer on a GPIO relay, through Pi4J's mock plugin (there is no GPIO here): a no-sale open pulses the relay once and reads the switch. */
class GpioDrawerTest {

    private static String kickState(TestBox box) {
        return box.box().database().jdbi().withHandle(handle -> handle.createQuery("SELECT state FROM print_jobs WHERE kind = 'drawer'")
                .mapTo(String.class).one());
    }

    @Test
    void aNoSaleOpenClosesTheRelayForThePulseAndTheSwitchShowsTheDrawerOpen() {
        Context pi4j = Pi4J.newContextBuilder().add(MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance()).build();
        try (TestBox box = TestBox.start(config -> config.withHardware(new HardwareSetup("drawer=drawer-gpio-relay@gpio:17?sensor=22",
                () -> pi4j)))) {
            Api api = box.api();
            DigitalOutput relay = pi4j.io("drawer-17");
            MockDigitalInput drawerSwitch = pi4j.io("drawer-sensor-22");
            List<DigitalState> pulses = new CopyOnWriteArrayList<>();
            relay.addListener(event -> pulses.add(event.state()));
            assertThat(relay.state()).as("at rest").isEqualTo(DigitalState.LOW);

            drawerSwitch.mockState(DigitalState.HIGH);
            assertThat(api.post("/api/v1/drawer/open", Map.of("registerId", "r1", "reason", "a customer's change")).status()).isEqualTo(201);

            for (int i = 0; i < 200 && pulses.size() < 2; i++) {
                Printed.sleep(20);
            }
            assertThat(pulses).containsExactly(DigitalState.HIGH, DigitalState.LOW);
            for (int i = 0; i < 100 && !PrintFailoverTest.device(api, "drawer").path("drawerOpen").asBoolean(); i++) {
                Printed.sleep(20);
            }
            assertThat(PrintFailoverTest.device(api, "drawer").path("drawerOpen").asBoolean()).isTrue();
            assertThat(PrintFailoverTest.device(api, "drawer").path("online").asBoolean()).isTrue();
            for (int i = 0; i < 100 && !kickState(box).equals("done"); i++) {
                Printed.sleep(20);
            }
            assertThat(kickState(box)).isEqualTo("done");
        }
        assertThat(Thread.getAllStackTraces().keySet()).as("the drawer's worker stops with the box")
                .noneMatch(thread -> thread.getName().equals("device-drawer") && thread.isAlive());
    }
}
