package backroom.edge.bumpbar;

/**
 * One button's debounce: a press counts once the pin has held the pressed level for the whole
 * window with no edge in between. Contact bounce (a burst of edges as the contacts meet or part)
 * and a spike shorter than the window (a fryer's motor starting) count for nothing; a real press,
 * some tens of milliseconds at the least, counts once, the window after its last bounce.
 *
 * <p>The caller reports every edge ({@link #edge}) and, a window after each, what the pin reads
 * ({@link #settled}); times are in nanoseconds from any fixed origin.
 */
final class Debounce {

    private final long windowNanos;
    private long lastEdge;
    private boolean edgeSeen;
    private boolean pressed;

    /** {@code pressedAtStart}: a button held down as the box starts is no press until it is let go and pressed again. */
    Debounce(long windowNanos, boolean pressedAtStart) {
        this.windowNanos = windowNanos;
        this.pressed = pressedAtStart;
    }

    synchronized void edge(long now) {
        lastEdge = now;
        edgeSeen = true;
    }

    /**
     * The pin reads {@code pressedNow} at {@code now}: true when this is a new press, the level
     * pressed and held since the last edge for at least the window. A reading too soon after an
     * edge changes nothing; the reading due after that edge decides.
     */
    synchronized boolean settled(long now, boolean pressedNow) {
        if (edgeSeen && now - lastEdge < windowNanos) {
            return false;
        }
        boolean press = pressedNow && !pressed;
        pressed = pressedNow;
        return press;
    }
}
