package dev.go4j.internal.park;

import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.clock.Deadline;
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
 *     null --cancel()------> CANCELLED   the waiter gave up: interrupt, deadline, or it no longer needs waking
 *
 * Exactly one wins, which is how "the match wins over an interrupt", "exactly one case of a select fires" and
 * "no wake-up is lost" are decided everywhere: a waker whose claim fails knows the waiter is gone and must pick
 * another; a waiter whose cancel fails knows it was chosen and must act as woken.
 *
 * The one blocking driver. Every go4j operation that waits publishes a Waiter where its wakers look (a channel's
 * queue, a select's channels, a semaphore's queue, a Cond's list, a WaitGroup's list), after checking the
 * interrupt status (Park.checkInterrupt), and then calls await(reason, primitive, deadline, interruptible) - this
 * class's single park loop, for every mode (Deadline.NOW, a point on the clock, or NEVER). await returns the
 * claim's token, or null once the deadline passed and the waiter cancelled itself; an interrupt (if
 * interruptible) cancels the waiter and throws Interrupted with the status re-asserted. Whenever its own cancel
 * wins, await first calls withdrawn(), which the subclass of each primitive overrides to unlink the waiter from
 * where it was published, so the caller never writes that clean-up again. If a claim wins the race with the
 * interrupt or the deadline, await returns the token (the match wins) with the interrupt status set.
 *
 * Publication: a waker writes the payload (the element it hands over, whether the channel was closed) into its
 * own data structures before the claiming CAS; the waiter reads them after seeing the state leave null (a volatile
 * read), so the payload happens-before the waiter's use of it. A waker that loses the CAS never had its payload
 * read. Waking (unpark) happens after the claim, usually after the waker released its locks; a waiter that sees
 * the claim before the unpark just gets one spurious wake-up later, which the loop tolerates.
 *
 * Parking always goes through Park, so the wait reason is recorded. A waiter never spins: a spinning virtual
 * thread holds its carrier, which may be the very carrier its waker needs.
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
     * Withdraws this waiter. Does not call {@link #withdrawn()}: the caller that cancels directly cleans up itself.
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
     * Waits until claimed, the deadline passes or (if {@code interruptible}) the thread is interrupted: the one
     * blocking driver of go4j (see the notes). Called by the waiting thread after it has published this waiter
     * where wakers find it.
     *
     * @param reason the wait reason recorded while parked
     * @param primitive the public object recorded as waited on
     * @param deadline when to give up; {@link Deadline#NOW} gives up at once unless already claimed
     * @param interruptible if true, an interrupt before the claim cancels the waiter, calls {@link #withdrawn()}
     *     and throws {@link dev.go4j.Interrupted} (status re-asserted); if false, interrupts are ignored until the
     *     claim or the deadline and the status is restored on return
     * @return the token of the claim, or null if the deadline passed first (the waiter then cancelled itself and
     *     {@link #withdrawn()} has run)
     */
    public final Object await(WaitReason reason, Object primitive, Deadline deadline, boolean interruptible) {
        Clock clock = Clock.current();
        boolean interrupted = false;
        Object s;
        while ((s = state) == null) {
            if (deadline.hasPassed(clock)) { // first: a wait that is over cannot be interrupted
                if (cancel()) {
                    withdrawn();
                    s = null;
                } else {
                    s = state;
                }
                break;
            }
            if (Thread.interrupted()) {
                if (interruptible) {
                    if (cancel()) {
                        withdrawn();
                        throw Park.interrupted();
                    }
                    Thread.currentThread().interrupt();
                    return state; // claimed meanwhile: the match wins, the status stays set
                }
                interrupted = true;
            }
            Park.park(reason, primitive, deadline, this);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return s;
    }

    /**
     * Whether waiting here is durable in synctest bubble {@code bubble} (only the bubble can end it: see
     * {@link Bubble}); the waits whose reason decides it do not ask. False unless overridden by a primitive that
     * belongs to a bubble.
     */
    protected boolean durableIn(Bubble bubble) {
        return false;
    }

    /**
     * Called by {@link #await} once this waiter's own cancel has won: the primitive unlinks it from where it was
     * published. Runs on the waiting thread, with no lock held. Does nothing unless overridden.
     */
    protected void withdrawn() {
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
