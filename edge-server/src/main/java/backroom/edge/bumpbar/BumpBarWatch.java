package backroom.edge.bumpbar;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Told, by station, when a bar is reached (its port open, its pins claimed) and when it is lost
 * (and why), so the hardware list can show it.
 */
public record BumpBarWatch(Consumer<String> reached, BiConsumer<String, String> lost) {

    public static final BumpBarWatch NONE = new BumpBarWatch(station -> { }, (station, why) -> { });
}
