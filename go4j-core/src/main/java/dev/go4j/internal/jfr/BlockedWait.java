package dev.go4j.internal.jfr;

import dev.go4j.WaitReason;

/**
 * A {@code dev.go4j.GoroutineBlocked} event that has begun with a wait (see {@link Jfr#waitBegins}): the park
 * path ends it when the goroutine wakes, and records it only if the wait lasted long enough. A go4j type, so that
 * the park path names no {@code jdk.jfr} class.
 */
public interface BlockedWait {
    /**
     * Ends the wait's timing.
     *
     * @return true if the wait lasted at least the threshold of a recording that wants the event, so that
     *     {@link #record} should be called
     */
    boolean ended();

    /**
     * Records the wait that {@link #ended()} accepted. The caller describes what it waited on only now, for the
     * few waits that pass the threshold.
     *
     * @param goroutineId the goroutine's id, 0 for a thread go4j did not start
     * @param reason why it waited
     * @param waitingOn the primitive's text, or null
     * @param channel the debug names of the channels it waited on, or null
     * @param timed whether the wait had a deadline
     */
    void record(long goroutineId, WaitReason reason, String waitingOn, String channel, boolean timed);
}
