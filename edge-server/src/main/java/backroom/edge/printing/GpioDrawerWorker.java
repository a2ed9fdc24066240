package backroom.edge.printing;

import backroom.edge.hardware.Connection;
import backroom.edge.hardware.DeviceRole;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.profiles.DrawerProfile;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A cash drawer on a relay driven by a GPIO pin (Pi4J): each kick closes the relay for the
 * profile's pulse, and the drawer's switch, if it has one on a second pin, is read after it.
 */
final class GpioDrawerWorker extends JobWorker {

    private final DrawerProfile profile;
    private final DigitalOutput relay;
    private final DigitalInput sensor;

    GpioDrawerWorker(DeviceRole role, Context pi4j, Jdbi jdbi, LedgerWriter writer, DeviceStatusBoard board, Clock clock) {
        super(role, jdbi, writer, board, clock);
        this.profile = DrawerProfile.load(role.profileId());
        Connection.Gpio pins = (Connection.Gpio) role.connection();
        DigitalState off = profile.activeHigh() ? DigitalState.LOW : DigitalState.HIGH;
        this.relay = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id("drawer-" + pins.pin()).address(pins.pin())
                .initial(off).shutdown(off).build());
        this.sensor = pins.sensorPin() == null ? null : pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("drawer-sensor-" + pins.sensorPin())
                .address(pins.sensorPin()).pull(PullResistance.PULL_DOWN).build());
        start();
    }

    @Override
    void send(List<PrintJob> jobs) {
        List<String> ids = jobs.stream().map(PrintJob::id).toList();
        markSending(ids);
        try {
            // Kicks queued together open the drawer once: it is open after the first.
            relay.state(profile.activeHigh() ? DigitalState.HIGH : DigitalState.LOW);
            Thread.sleep(profile.pulseMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            relay.state(profile.activeHigh() ? DigitalState.LOW : DigitalState.HIGH);
        }
        markDone(jobs);
        idle();
    }

    @Override
    void idle() {
        board.drawer(role, sensor == null ? null : sensor.state() == DigitalState.HIGH);
    }
}
