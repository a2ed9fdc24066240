package backroom.edge.bumpbar;

import backroom.edge.kitchen.KitchenBumps;
import backroom.edge.profiles.BumpBarProfile;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bump buttons on the box's GPIO pins (Pi4J), bound to one station: the Nth pin of the binding is
 * key {@code N} of the profile. Each pin is pulled the other way from its active level, and each
 * press is debounced here ({@link Debounce}) as well as by the GPIO driver where it can, since a
 * kitchen's buttons bounce and its wiring picks up spikes.
 */
final class GpioBumpButtons implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GpioBumpButtons.class.getName());

    private final Context pi4j;
    private final List<DigitalInput> inputs = new ArrayList<>();
    private final ScheduledExecutorService settle;

    private GpioBumpButtons(String station, Context pi4j) {
        this.pi4j = pi4j;
        this.settle = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("bump-buttons-" + station).daemon(true).factory());
    }

    /** Claims the pins and starts listening; a pin Pi4J cannot claim is refused here, at start. */
    static GpioBumpButtons start(String station, BumpBarBinding.Gpio connection, BumpBarProfile profile, KitchenBumps kitchen, Context pi4j) {
        GpioBumpButtons buttons = new GpioBumpButtons(station, pi4j);
        BumpBarKeys keys = new BumpBarKeys(station, "GPIO " + connection.pins(), profile, kitchen);
        try {
            for (int i = 0; i < connection.pins().size(); i++) {
                buttons.listen(keys, String.valueOf(i + 1), connection.pins().get(i), connection);
            }
            return buttons;
        } catch (RuntimeException e) {
            buttons.close();
            throw e;
        }
    }

    private void listen(BumpBarKeys keys, String key, int pin, BumpBarBinding.Gpio connection) {
        DigitalInput input = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id("bump-" + keys.station() + "-" + pin)
                .name("bump button " + key + " at " + keys.station())
                .address(pin)
                .pull(connection.activeHigh() ? PullResistance.PULL_DOWN : PullResistance.PULL_UP)
                .debounce(connection.debounceMillis() * 1_000L));
        inputs.add(input);
        long windowNanos = TimeUnit.MILLISECONDS.toNanos(connection.debounceMillis());
        Debounce debounce = new Debounce(windowNanos, pressed(input, connection));
        input.addListener(event -> {
            debounce.edge(System.nanoTime());
            settle.schedule(() -> {
                if (debounce.settled(System.nanoTime(), pressed(input, connection))) {
                    keys.press(key);
                }
            }, windowNanos, TimeUnit.NANOSECONDS);
        });
        LOG.info("bump button " + key + " at " + keys.station() + " on GPIO " + pin);
    }

    private static boolean pressed(DigitalInput input, BumpBarBinding.Gpio connection) {
        return connection.activeHigh() ? input.isHigh() : input.isLow();
    }

    @Override
    public void close() {
        settle.shutdownNow();
        try {
            settle.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (DigitalInput input : inputs) {
            try {
                pi4j.shutdown(input.id());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "letting go of " + input.id(), e);
            }
        }
    }
}
