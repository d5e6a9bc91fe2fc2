package dev.go4j.internal.park;

/** Test access to the leak report's machinery. */
public final class LeakProbe {
    private LeakProbe() {
    }

    /** The id of the current goroutine (0 for a thread go4j did not start). */
    public static long currentId() {
        return G.current().id();
    }

    /** Whether the current wait machinery unroots goroutines while they block. */
    public static boolean enabled() {
        return LeakWatch.ENABLED;
    }
}
