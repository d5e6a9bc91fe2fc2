package dev.go4j.internal.sched;

import dev.go4j.internal.clock.Clock;

/**
 * Timers that the carriers look at in their scheduling points (Go's Ps run their timers inside
 * {@code schedule()}): the real-time timer heap registers itself. A carrier that finds a timer due does not fire
 * it (that takes runtime locks, which a goroutine parked on another lock may hold, and a carrier must never wait
 * for a goroutine that needs a carrier): it wakes the heap's own thread at once, instead of letting that thread
 * oversleep by the OS's timer slack.
 */
public interface TimerSource {
    /** A racy hint, cheap when no timer is pending: true if some timer is due now on {@code clock}. */
    boolean due(Clock clock);

    /** Makes the thread that fires these timers look at them now; never blocks. */
    void nudge();
}
