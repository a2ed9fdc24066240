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
        BumpBars all = new BumpBars();
        try {
            for (BumpBarBinding binding : setup.bindings()) {
                BumpBarProfile profile = BumpBarProfile.load(binding.profileId());
                switch (binding.connection()) {
                    case BumpBarBinding.Serial serial -> all.bars.add(SerialBumpBar.start(binding.station(), serial, profile, kitchen));
                    case BumpBarBinding.Gpio gpio -> all.startButtons(setup, binding.station(), gpio, profile, kitchen);
                }
            }
            return all;
        } catch (RuntimeException e) {
            all.close();
            throw e;
        }
    }

    private void startButtons(BumpBarSetup setup, String station, BumpBarBinding.Gpio gpio, BumpBarProfile profile, KitchenBumps kitchen) {
        try {
            if (pi4j == null) {
                pi4j = setup.gpio().get();
            }
            bars.add(GpioBumpButtons.start(station, gpio, profile, kitchen, pi4j));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "bump buttons at " + station + " on GPIO " + gpio.pins() + " cannot be used: " + e.getMessage(), e);
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
