package backroom.edge.bumpbar;

import backroom.edge.kitchen.KitchenBumps;
import backroom.edge.profiles.BumpBarProfile;
import com.pi4j.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every bump bar of the box, started together and closed together. A binding whose profile is
 * unknown is refused at start (the technician's mistake, said at once); a serial bar not plugged
 * in yet is waited for; GPIO pins that cannot be claimed are logged and the box serves without
 * them, since the sales must go on.
 */
public final class BumpBars implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BumpBars.class.getName());

    private final List<AutoCloseable> bars = new ArrayList<>();
    private Context pi4j;

    private BumpBars() {
    }

    public static BumpBars start(BumpBarSetup setup, KitchenBumps kitchen) {
        return start(setup, kitchen, BumpBarWatch.NONE);
    }

    /** {@code watch} is told as each bar is reached and lost. */
    public static BumpBars start(BumpBarSetup setup, KitchenBumps kitchen, BumpBarWatch watch) {
        BumpBars all = new BumpBars();
        try {
            for (BumpBarBinding binding : setup.bindings()) {
                BumpBarProfile profile = BumpBarProfile.load(binding.profileId());
                switch (binding.connection()) {
                    case BumpBarBinding.Serial serial -> all.bars.add(SerialBumpBar.start(binding, serial, profile, kitchen, watch));
                    case BumpBarBinding.Gpio gpio -> all.startButtons(setup, binding, gpio, profile, kitchen, watch);
                }
            }
            return all;
        } catch (RuntimeException e) {
            all.close();
            throw e;
        }
    }

    private void startButtons(BumpBarSetup setup, BumpBarBinding binding, BumpBarBinding.Gpio gpio, BumpBarProfile profile,
                              KitchenBumps kitchen, BumpBarWatch watch) {
        String station = binding.station();
        try {
            if (pi4j == null) {
                pi4j = setup.gpio().get();
            }
            bars.add(GpioBumpButtons.start(station, gpio, profile, kitchen, pi4j));
            watch.reached().accept(station);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "bump buttons at " + station + " on GPIO " + gpio.pins() + " cannot be used: " + e.getMessage(), e);
            watch.lost().accept(station, "its GPIO pins cannot be used: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        for (AutoCloseable bar : bars) {
            try {
                bar.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing a bump bar", e);
            }
        }
        if (pi4j != null) {
            try {
                pi4j.shutdown();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "shutting Pi4J down", e);
            }
        }
    }
}
