package dev.go4j.internal.park;

import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Clock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * A Waiter is the parking slot of one blocked goroutine: the cell that wakers and the waiting goroutine race on
 * (the Go runtime's g.selectDone plus g.param). Its state moves once, by CAS, out of "waiting" (null):
 *
 *     null --claim(token)--> token       a waker chose this waiter; token says what it got (a channel operation
 *                                        says which of its sudogs won; SIGNALLED when there is nothing to say)
 *     null --cancel()------> CANCELLED   the waiter gave up: interrupt, timeout, or it no longer needs waking
 *
 * Exactly one wins, which is how "the match wins over an interrupt", "exactly one case of a select fires" and
 * "no wake-up is lost" are decided everywhere: a waker whose claim fails knows the waiter is gone and must pick
 * another; a waiter whose cancel fails knows it was chosen and must act as woken.
 *
 * Publication: a waker writes the payload (the element it hands over, whether the channel was closed) into its
 * own data structures before the claiming CAS; the waiter reads them after seeing the state leave null (a volatile
 * read), so the payload happens-before the waiter's use of it. A waker that loses the CAS never had its payload
 * read. Waking (unpark) happens after the claim, usually after the waker released its locks; a waiter that sees
 * the claim before the unpark just gets one spurious wake-up later, which every park loop tolerates.
 *
 * Parking always goes through Park, so the wait reason is recorded. Subclasses add the links a primitive needs.
 *
 * Spinning: a primitive may call spinForClaim() before await, to re-read the state for at most SPIN_NANOS
 * (property go4j.spinNanos, default 0 = off; always off when only one carrier runs goroutines). A peer running on another
 * carrier often claims the waiter within that time, which saves the park, the unpark's scheduler submission and
 * the remount. A spinning virtual thread holds its carrier, which can stall the very goroutine it waits for, so
 * the caller decides when spinning pays (see Channel's spin credit); await itself never spins.
 */
public class Waiter {
    /** The token of signal(), for waiters that need no payload. */
    public static final Object SIGNALLED = new Object() {
        @Override
        public String toString() {
            return "SIGNALLED";
        }
    };
    private static final Object CANCELLED = new Object() {
        @Override
        public String toString() {
            return "CANCELLED";
        }
    };
    private static final VarHandle STATE;
    /** How long an untimed await spins before parking; see the notes. */
    private static final long SPIN_NANOS = spinNanos();

    /** The thread that waits; final. */
    private final Thread thread;
    /** null while waiting, then the winning token or CANCELLED, once; written by CAS only. */
    private volatile Object state;

    /** Creates a waiter for the current thread. */
    public Waiter() {
        this.thread = Thread.currentThread();
    }

    /** The waiting thread. */
    public final Thread thread() {
        return thread;
    }

    /**
     * Chooses this waiter without waking it yet; the caller must call {@link #wake()} afterwards.
     *
     * @param token what the waiter gets, never null
     * @return true if this call won; false if the waiter was claimed or cancelled before
     */
    public final boolean claim(Object token) {
        return STATE.compareAndSet(this, null, token);
    }

    /** Unparks the waiting thread; call after a successful {@link #claim(Object)}. */
    public final void wake() {
        Park.unpark(thread);
    }

    /**
     * Chooses this waiter and wakes it: {@code claim(SIGNALLED)} then {@code wake()}.
     *
     * @return true if this call won
     */
    public final boolean signal() {
        if (claim(SIGNALLED)) {
            wake();
            return true;
        }
        return false;
    }

    /**
     * Withdraws this waiter.
     *
     * @return true if this call won; false if it was claimed (it must act as woken) or cancelled before
     */
    public final boolean cancel() {
        return STATE.compareAndSet(this, null, CANCELLED);
    }

    /** True while neither claimed nor cancelled. */
    public final boolean isWaiting() {
        return state == null;
    }

    /**
     * Parks until claimed. Called by the waiting thread after it has published this waiter where wakers find it.
     *
     * @param interruptible if true, an interrupt before the claim cancels the waiter and throws
     *     {@link dev.go4j.Interrupted} (status re-asserted); if a claim wins the race, returns normally with the
     *     status set. If false, interrupts are ignored until the claim and the status is restored on return.
     * @return the token of the claim
     */
    public final Object await(WaitReason reason, Object primitive, boolean interruptible) {
        boolean interrupted = false;
        Object s = state;
        while (s == null) {
            if (Thread.interrupted()) {
                if (interruptible) {
                    return claimedAfterInterrupt();
                }
                interrupted = true;
            }
            Park.park(reason, primitive);
            s = state;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return s;
    }

    /**
     * Parks until claimed or until {@code deadlineNanos} on the clock, interruptibly (see
     * {@link #await(WaitReason, Object, boolean)}).
     *
     * @return the token of the claim, or null if the deadline passed first (the waiter is then cancelled)
     */
    public final Object awaitUntil(WaitReason reason, Object primitive, long deadlineNanos) {
        Clock clock = Clock.current();
        Object s;
        while ((s = state) == null) {
            if (Thread.interrupted()) {
                return claimedAfterInterrupt();
            }
            if (deadlineNanos - clock.nanoTime() <= 0) {
                return cancel() ? null : state;
            }
            Park.parkUntil(reason, primitive, deadlineNanos);
        }
        return s;
    }

    /**
     * Spins briefly for a claim, without parking; returns the claim's token, or null if still waiting. Does
     * nothing when spinning is disabled or the thread is interrupted.
     */
    public final Object spinForClaim() {
        Object s = state;
        if (s != null || SPIN_NANOS <= 0 || Thread.currentThread().isInterrupted()) {
            return s;
        }
        long deadline = System.nanoTime() + SPIN_NANOS;
        do {
            for (int i = 0; i < 32; i++) {
                if ((s = state) != null) {
                    return s;
                }
                Thread.onSpinWait();
            }
        } while (System.nanoTime() - deadline < 0);
        return state;
    }

    /** Whether spinning is enabled at all (more than one carrier, and go4j.spinNanos not 0). */
    public static boolean spinningEnabled() {
        return SPIN_NANOS > 0;
    }

    private static long spinNanos() {
        long configured = Long.getLong("go4j.spinNanos", 0L);
        return dev.go4j.Go.gomaxprocs() > 1 ? Math.max(0, configured) : 0;
    }

    /** The interrupt status was consumed while waiting: cancel and throw, or, if a claim won, keep the status. */
    private Object claimedAfterInterrupt() {
        if (cancel()) {
            throw Park.interrupted();
        }
        Thread.currentThread().interrupt();
        return state;
    }

    @Override
    public String toString() {
        Object s = state;
        return "Waiter[" + thread.getName() + ", " + (s == null ? "waiting" : s) + "]";
    }

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
