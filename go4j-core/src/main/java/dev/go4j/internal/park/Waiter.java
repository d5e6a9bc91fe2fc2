package dev.go4j.internal.park;

import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Clock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * A Waiter is the parking slot of one blocked goroutine: the sudog-like cell that a waker and the waiting
 * goroutine race on. Its state moves once, by CAS, out of WAITING:
 *
 *     WAITING --signal()--> SIGNALLED     (a waker chose this waiter; it will be unparked)
 *     WAITING --cancel()--> CANCELLED     (the waiter gave up: interrupt, timeout, or it no longer needs waking)
 *
 * Exactly one of the two wins, which is how "the match wins over an interrupt" and "no wake-up is lost" are
 * decided everywhere: a waker whose signal() fails knows the waiter is gone and must pick another one; a waiter
 * whose cancel() fails knows it was chosen and must behave as woken. The state is volatile, so everything the
 * waker wrote before signal() happens-before the waiter's return from await.
 *
 * Subclasses add the payload a primitive needs (a channel element, a queue link). Parking always goes through
 * Park, so the wait reason is recorded.
 */
public class Waiter {
    private static final int WAITING = 0;
    private static final int SIGNALLED = 1;
    private static final int CANCELLED = 2;
    private static final VarHandle STATE;

    /** The thread that waits; final. */
    private final Thread thread;
    /** WAITING, then SIGNALLED or CANCELLED once; written by CAS only. */
    private volatile int state;

    /** Creates a waiter for the current thread. */
    public Waiter() {
        this.thread = Thread.currentThread();
    }

    /** The waiting thread. */
    public final Thread thread() {
        return thread;
    }

    /**
     * Chooses this waiter and wakes it.
     *
     * @return true if this call moved it out of WAITING; false if it was signalled or cancelled before
     */
    public final boolean signal() {
        if (STATE.compareAndSet(this, WAITING, SIGNALLED)) {
            Park.unpark(thread);
            return true;
        }
        return false;
    }

    /**
     * Withdraws this waiter.
     *
     * @return true if this call moved it out of WAITING; false if it was signalled (it must act as woken) or
     *     cancelled before
     */
    public final boolean cancel() {
        return STATE.compareAndSet(this, WAITING, CANCELLED);
    }

    /** True while neither signalled nor cancelled. */
    public final boolean isWaiting() {
        return state == WAITING;
    }

    /** True once signalled. */
    public final boolean isSignalled() {
        return state == SIGNALLED;
    }

    /**
     * Parks until signalled. Called by the waiting thread after it has published this waiter where wakers find
     * it.
     *
     * @param interruptible if true, an interrupt before the signal cancels the waiter and throws
     *     {@link dev.go4j.Interrupted} (status re-asserted); if the signal wins the race, returns normally with the
     *     status set. If false, interrupts are ignored until the signal and the status is restored on return.
     */
    public final void await(WaitReason reason, Object primitive, boolean interruptible) {
        boolean interrupted = false;
        while (state == WAITING) {
            if (Thread.interrupted()) {
                if (interruptible) {
                    if (cancel()) {
                        throw Park.interrupted();
                    }
                    Thread.currentThread().interrupt();
                    return;
                }
                interrupted = true;
            }
            Park.park(reason, primitive);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Parks until signalled or until {@code deadlineNanos} on the clock, interruptibly (see
     * {@link #await(WaitReason, Object, boolean)}).
     *
     * @return true if signalled; false if the deadline passed first (the waiter is then cancelled)
     */
    public final boolean awaitUntil(WaitReason reason, Object primitive, long deadlineNanos) {
        Clock clock = Clock.current();
        while (state == WAITING) {
            if (Thread.interrupted()) {
                if (cancel()) {
                    throw Park.interrupted();
                }
                Thread.currentThread().interrupt();
                return true;
            }
            if (deadlineNanos - clock.nanoTime() <= 0) {
                return !cancel();
            }
            Park.parkUntil(reason, primitive, deadlineNanos);
        }
        return true;
    }

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
