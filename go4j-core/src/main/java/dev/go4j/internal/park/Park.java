package dev.go4j.internal.park;

import dev.go4j.Interrupted;
import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.jfr.BlockedWait;
import dev.go4j.internal.jfr.Jfr;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The one park path. Every go4j operation that blocks parks here and nowhere else, so that exactly one place
 * records why a goroutine waits (for awaitBlocked, goroutine dumps, the deadlock report and the scheduler) and
 * exactly one place decides how timed waits consult the clock.
 *
 * Protocol: record reason and primitive (plain writes into the current G), park with the primitive as the
 * blocker (so JDK thread dumps name it), clear the record. Like LockSupport.park, a call may return spuriously,
 * on unpark, or on interrupt: its one caller, Waiter.await, loops on its own condition. Unpark goes through
 * unpark() so the scheduler can intercept wake-ups too.
 *
 * A null reason marks a sleep that is not a Go wait: a goroutine waiting for a runtime lock (RuntimeLock) is
 * running in Go's sense, so it is recorded as parked but never counted as blocked.
 *
 * JFR (dev.go4j.internal.jfr, ParkEvents): with no recording running, a park pays one read of Jfr.on(); with one,
 * a GoroutineBlocked event is begun here and ended in the finally block, on the goroutine's own thread, after the
 * G's record is cleared (so that nothing JFR does can leave a stale record behind).
 */
public final class Park {
    static {
        Jfr.blockedGoroutines(ParkEvents::reportBlocked); // the source of the periodic BlockedGoroutines event
    }

    private Park() {
    }

    /**
     * Parks the current thread until it is unparked or interrupted, or the deadline passes, recording
     * {@code reason} (null: not a Go wait, see the notes) and {@code primitive}; may return spuriously. Only
     * {@link Waiter#await} calls it, with itself as {@code waiter} (asked whether a bubble wait is durable).
     */
    static void park(WaitReason reason, Object primitive, Deadline deadline, Waiter waiter) {
        G g = G.current();
        BlockedWait event = Jfr.on() ? Jfr.waitBegins(reason) : null;
        g.beginWait(reason, primitive, !deadline.isNever(), waiter);
        try {
            if (deadline.isNever()) {
                LockSupport.park(primitive);
            } else {
                Clock.current().parkUntil(primitive, deadline.nanos());
            }
        } finally {
            g.endWait();
            if (event != null) {
                ParkEvents.waitEnded(event, g, reason, primitive, !deadline.isNever());
            }
        }
    }

    /** Wakes {@code thread} if it is parked, or makes its next park return at once. */
    public static void unpark(Thread thread) {
        LockSupport.unpark(thread);
    }

    /**
     * Sleeps until {@code deadline} (wait reason {@code sleep}); returns at once for a deadline that has passed.
     *
     * @throws Interrupted if the thread is interrupted before the deadline
     */
    public static void sleep(Deadline deadline) {
        Bubble.point("sleep", null);
        new Waiter().await(WaitReason.SLEEP, null, deadline, true); // nobody claims it: only the deadline ends it
    }

    /**
     * Blocks the current thread forever (the nil channel, an empty select).
     *
     * @throws Interrupted when the thread is interrupted; the only way out
     */
    public static Interrupted parkForever(WaitReason reason, Object primitive) {
        new Waiter().await(reason, primitive, Deadline.NEVER, true); // nobody claims it: only an interrupt ends it
        throw new AssertionError("an unclaimable waiter was claimed");
    }

    /**
     * Throws {@link Interrupted} (status re-asserted) if the current thread is interrupted: the check every
     * blocking operation makes before it publishes a waiter, so an interrupted goroutine never waits.
     */
    public static void checkInterrupt() {
        if (Thread.interrupted()) {
            throw interrupted();
        }
    }

    /**
     * Re-asserts the current thread's interrupt status and returns the exception to throw, for a blocking call
     * that gives up because of an interrupt (whose status the caller has consumed with
     * {@code Thread.interrupted()}).
     */
    public static Interrupted interrupted() {
        Thread.currentThread().interrupt();
        return new Interrupted();
    }
}
