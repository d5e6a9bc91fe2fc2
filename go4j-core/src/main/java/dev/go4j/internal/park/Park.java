package dev.go4j.internal.park;

import dev.go4j.Interrupted;
import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Clock;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The one park path. Every go4j operation that blocks parks here and nowhere else, so that exactly one place
 * records why a goroutine waits (for awaitBlocked today; for goroutine dumps, the deadlock report and the
 * deterministic scheduler later) and exactly one place decides how timed waits consult the clock.
 *
 * Protocol: record reason and primitive (plain writes into the current G), park with the primitive as the
 * blocker (so JDK thread dumps name it), clear the record. Like LockSupport.park, a call may return spuriously,
 * on unpark, or on interrupt: callers loop on their own condition (see Waiter). Unpark goes through unpark() so
 * the scheduler can later intercept wake-ups too.
 *
 * A null reason marks a sleep that is not a Go wait: a goroutine waiting for a runtime lock (RuntimeLock) is
 * running in Go's sense, so it is recorded as parked but never counted as blocked.
 */
public final class Park {
    private Park() {
    }

    /**
     * Parks the current thread, recording {@code reason} (null: not a Go wait, see the notes) and
     * {@code primitive}; may return spuriously.
     */
    public static void park(WaitReason reason, Object primitive) {
        G g = G.current();
        g.beginWait(reason, primitive);
        try {
            LockSupport.park(primitive);
        } finally {
            g.endWait();
        }
    }

    /**
     * Parks the current thread until {@code deadlineNanos} on the {@linkplain Clock#current() clock} at the
     * latest, recording {@code reason} and {@code primitive}; may return earlier or spuriously.
     */
    public static void parkUntil(WaitReason reason, Object primitive, long deadlineNanos) {
        G g = G.current();
        g.beginWait(reason, primitive);
        try {
            Clock.current().parkUntil(primitive, deadlineNanos);
        } finally {
            g.endWait();
        }
    }

    /** Wakes {@code thread} if it is parked, or makes its next park return at once. */
    public static void unpark(Thread thread) {
        LockSupport.unpark(thread);
    }

    /**
     * Sleeps until {@code deadlineNanos} on the clock (wait reason {@code sleep}).
     *
     * @throws Interrupted if the thread is interrupted before the deadline
     */
    public static void sleepUntil(long deadlineNanos) {
        Clock clock = Clock.current();
        while (deadlineNanos - clock.nanoTime() > 0) {
            if (Thread.interrupted()) {
                throw interrupted();
            }
            parkUntil(WaitReason.SLEEP, null, deadlineNanos);
        }
    }

    /**
     * Blocks the current thread forever (the nil channel, an empty select), ignoring spurious wake-ups.
     *
     * @throws Interrupted when the thread is interrupted; the only way out
     */
    public static Interrupted parkForever(WaitReason reason, Object primitive) {
        while (!Thread.interrupted()) {
            park(reason, primitive);
        }
        throw interrupted();
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
