package dev.go4j.internal.sched;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the scheduler's decisions, for tests (which assert decisions, never timings) and for
 * {@code -Dgo4j.schedtrace}. Each is counted where the decision is taken; none is on the hand-off fast path.
 */
public final class SchedStats {
    /** Tasks put on the global queue (wake-ups from outside any carrier, yields, overflow). */
    public final LongAdder globalPuts = new LongAdder();
    /** Batches stolen from another carrier's local queue. */
    public final LongAdder steals = new LongAdder();
    /** runnext tasks stolen after the grace period. */
    public final LongAdder runnextSteals = new LongAdder();
    /** Times a carrier parked for lack of work. */
    public final LongAdder parks = new LongAdder();
    /** Idle carriers woken for new work. */
    public final LongAdder wakes = new LongAdder();
    /** Time slices the monitor ended (a goroutine pair handing off by runnext for more than 10 ms). */
    public final LongAdder slicesExpired = new LongAdder();
    /** Carriers the monitor replaced because they blocked, or computed too long, while goroutines waited. */
    public final LongAdder handoffs = new LongAdder();
    /** Replacement carriers retired again because the carrier they stood in for came back. */
    public final LongAdder retiredReplacements = new LongAdder();
    /** Submissions of virtual threads that a goroutine started by other means (they run here too). */
    public final LongAdder foreignSubmissions = new LongAdder();

    SchedStats() {
    }
}
