package dev.go4j.internal.time;

/** Test access to the real-time timer heap. */
public final class TimerProbe {
    private TimerProbe() {
    }

    /**
     * Heaped timers marked zombie (stopped, or no longer waited on, but not yet dropped by the heap's runner): each
     * still refers to its timer and so to its channel.
     */
    public static int zombies() {
        return TimerHeap.real().zombies.get();
    }
}
