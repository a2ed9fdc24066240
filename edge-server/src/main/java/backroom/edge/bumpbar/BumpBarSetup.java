package backroom.edge.bumpbar;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.util.List;
import java.util.function.Supplier;

/**
 * The box's bump bars and how it reaches its GPIO pins: Pi4J's own context (its GPIO driver found
 * on the class path) unless a test hands it another. The context is made only when a binding
 * names GPIO pins.
 */
public record BumpBarSetup(List<BumpBarBinding> bindings, Supplier<Context> gpio) {

    public static final BumpBarSetup NONE = new BumpBarSetup(List.of(), Pi4J::newAutoContext);

    public BumpBarSetup {
        bindings = List.copyOf(bindings);
    }

    /** {@code BACKROOM_BUMP_BARS}, see {@link BumpBarBinding}. */
    public static BumpBarSetup parse(String bindings) {
        return NONE.withBindings(BumpBarBinding.parseAll(bindings));
    }

    public BumpBarSetup withBindings(List<BumpBarBinding> bars) {
        return new BumpBarSetup(bars, gpio);
    }
}
