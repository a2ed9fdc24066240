package backroom.edge.live;

import backroom.edge.access.Caller;

/** The kitchen's bump, as a screen sends it over its socket ({@code {"type":"bump","orderId"}}). */
@FunctionalInterface
public interface ScreenBumps {

    /** Returns the seq of the entry the bump wrote, on disk; throws a {@link backroom.edge.web.Problem} when refused. */
    long bump(Caller caller, String orderId, String station);
}
