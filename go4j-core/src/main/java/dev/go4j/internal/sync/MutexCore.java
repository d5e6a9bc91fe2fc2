package dev.go4j.internal.sync;

import dev.go4j.FatalError;
import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.park.ActiveSpin;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.park.Sema;
import dev.go4j.internal.runtime.Program;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/*
 * Implementation notes.
 *
 * Go's sync.Mutex state machine: one int word plus a Sema to sleep on. The lock is not owned by anybody (any
 * goroutine may unlock it) and not reentrant (a second lock() by the holder simply waits).
 *
 * State word (bit layout):
 *
 *     31 ........................ 3    2          1        0
 *     [ waiters: goroutines counted ][ STARVING ][ WOKEN ][ LOCKED ]
 *
 *   LOCKED    somebody holds the mutex.
 *   WOKEN     a waiter has been woken by unlock(), or a goroutine is spinning in lockSlow; either way one
 *             contender is running, so unlock() wakes no other meanwhile. Set by unlockSlow or by a spinner's
 *             CAS, cleared by that goroutine's next CAS that changes the state.
 *   STARVING  starvation mode: ownership is handed from unlock() to the first queued waiter.
 *   waiters   goroutines that counted themselves in and are (or are about to be) in sema's queue.
 *
 * Two modes, as in Go:
 *   - Normal mode. unlock() clears LOCKED and, if there are waiters and none is already woken, wakes the first
 *     one (WOKEN). The woken waiter does not own the mutex: it competes with goroutines that call lock() now,
 *     which usually win because they are already running. A waiter that loses goes back to the FRONT of the
 *     queue (Sema lifo), keeping its original wait start.
 *   - Starvation mode, entered by a waiter that finds itself still without the mutex after waiting more than
 *     STARVATION_THRESHOLD (1 ms on the one clock, measured from its first park to its latest wake-up). In this
 *     mode unlock() leaves LOCKED clear but STARVING set and hands the mutex to the first queued waiter through
 *     the semaphore; newcomers see STARVING and queue at the back without trying (tryLock() fails). The waiter
 *     that receives the mutex sets LOCKED and removes itself from the count in one atomic add, and switches
 *     back to normal mode if it waited less than 1 ms or is the last waiter.
 * Normal mode gives throughput (a running goroutine can take the lock many times in a row); starvation mode
 * bounds the wait of the unlucky one.
 *
 * Linearization points: lock() at the CAS that sets LOCKED (or, after a hand-off, at the add that sets it);
 * unlock() at the CAS that clears LOCKED; tryLock() at its CAS, or at the read that saw LOCKED or STARVING.
 *
 * Memory: the CAS that clears LOCKED (volatile) is read by the CAS that sets it again, so unlock n
 * happens-before lock n+1 returns. After a hand-off the new holder reads the word after its semaphore permit,
 * which the unlocking goroutine released after its unlock CAS.
 *
 * Misuse: unlock() checks LOCKED before it changes anything (Go subtracts first), so an unlock of an unlocked
 * mutex that is thrown as a FatalError in library mode leaves the state intact. In starvation mode the mutex is
 * held during a hand-off although LOCKED is clear, so a second unlock() then is also reported, as in Go.
 *
 * Active spinning, as in mutex.go: a contender that finds the mutex held in normal mode spins ActiveSpin.rounds()
 * rounds of pause instructions (Go's 4 x 30, a few microseconds at most) before it queues, on machines with
 * more than one carrier. The holder is most likely running on the other carrier and about to unlock, and a
 * park plus unpark costs a virtual thread about a microsecond. Go also requires an empty local run queue on its P;
 * a virtual thread cannot see its carrier's queue, so the spin bound alone limits how long a carrier is held.
 * Measured with go4j-bench MutexContended (4 goroutines, 2 cores): 18.4 -> 8.6 ns/op, against Go's 12.8 and
 * ReentrantLock's 13.0.
 *
 * Differences from mutex.go: no race-detector or profiling hooks; the wait
 * reason and the primitive recorded while parked are parameters, so RWMutex's writer lock and Once reuse this
 * class with their own.
 */

/** The state machine of Go's {@code sync.Mutex}; see the implementation notes. */
public final class MutexCore {
    static final int LOCKED = 1;
    static final int WOKEN = 1 << 1;
    static final int STARVING = 1 << 2;
    static final int WAITER_SHIFT = 3;
    private static final int ONE_WAITER = 1 << WAITER_SHIFT;

    /** Go's starvationThresholdNs: a waiter that has waited longer than this switches to starvation mode. */
    static final long STARVATION_THRESHOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final VarHandle STATE;

    /** LOCKED, WOKEN, STARVING and the waiter count; see the bit layout. Changed by CAS and atomic add only. */
    private volatile int state;
    /** Where waiting goroutines sleep. Final. */
    private final Sema sema = new Sema();
    /** The wait reason of goroutines parked in lock(). Final. */
    private final WaitReason reason;
    /** The public object recorded as what they wait on. Final. */
    private final Object primitive;

    /**
     * Creates an unlocked mutex.
     *
     * @param reason the wait reason recorded while a goroutine waits in {@link #lock()}
     * @param primitive the public object recorded as waited on
     */
    public MutexCore(WaitReason reason, Object primitive) {
        this.reason = reason;
        this.primitive = primitive;
    }

    /** Locks, waiting as long as it takes; ignores interrupts and keeps the interrupt status set. */
    public void lock() {
        Bubble.point("sync.Mutex.Lock", primitive);
        if (!STATE.compareAndSet(this, 0, LOCKED)) {
            lockSlow();
        }
    }

    /**
     * Locks if that is possible right now: not locked, and not in starvation mode (where the mutex belongs to
     * the queue). Like Go's {@code TryLock}, it may fail if the state word changes under it.
     *
     * @return true if the mutex is now locked by this call
     */
    public boolean tryLock() {
        Bubble.point("sync.Mutex.TryLock", primitive);
        int old = state;
        if ((old & (LOCKED | STARVING)) != 0) {
            return false;
        }
        return STATE.compareAndSet(this, old, old | LOCKED);
    }

    /**
     * Unlocks; any goroutine may call it.
     *
     * @throws FatalError {@code sync: unlock of unlocked mutex} (library mode; under {@code Go.main} the program
     *     halts)
     */
    public void unlock() {
        Bubble.point("sync.Mutex.Unlock", primitive);
        if (STATE.compareAndSet(this, LOCKED, 0)) {
            return;
        }
        int old = state;
        while (true) {
            if ((old & LOCKED) == 0) {
                throw Program.fatal("sync: unlock of unlocked mutex");
            }
            int next = old & ~LOCKED;
            int witness = (int) STATE.compareAndExchange(this, old, next);
            if (witness == old) {
                if (next != 0) {
                    unlockSlow(next);
                }
                return;
            }
            old = witness;
        }
    }

    private void lockSlow() {
        Clock clock = Clock.current();
        long waitStart = 0;
        boolean waited = false;  // waitStart is valid (a clock reading may be any long, so no sentinel value)
        boolean starving = false; // this goroutine has waited longer than the threshold
        boolean awoke = false;    // this goroutine was woken by unlockSlow and owes the state a WOKEN clear
        int spins = 0;
        int old = state;
        while (true) {
            if ((old & (LOCKED | STARVING)) == LOCKED && spins < ActiveSpin.rounds()) {
                // Held in normal mode: the holder is probably running and about to unlock, so spin a little
                // instead of parking. Claiming WOKEN tells unlock() not to wake a sleeper meanwhile.
                if (!awoke && (old & WOKEN) == 0 && old >>> WAITER_SHIFT != 0
                        && STATE.compareAndSet(this, old, old | WOKEN)) {
                    awoke = true;
                }
                ActiveSpin.round();
                spins++;
                old = state;
                continue;
            }
            int next = old;
            if ((old & STARVING) == 0) {
                next |= LOCKED; // try to take it; a starving mutex belongs to the queue
            }
            if ((old & (LOCKED | STARVING)) != 0) {
                next += ONE_WAITER; // will have to wait
            }
            if (starving && (old & LOCKED) != 0) {
                // Only while locked: the unlock that follows must find a waiter to hand off to.
                next |= STARVING;
            }
            if (awoke) {
                if ((next & WOKEN) == 0) {
                    throw inconsistent();
                }
                next &= ~WOKEN;
            }
            int witness = (int) STATE.compareAndExchange(this, old, next);
            if (witness != old) {
                old = witness;
                continue;
            }
            if ((old & (LOCKED | STARVING)) == 0) {
                return; // took it with this CAS
            }
            boolean requeue = waited;
            if (!waited) {
                waited = true;
                waitStart = clock.nanoTime();
            }
            sema.acquire(requeue, reason, primitive);
            starving = starving || clock.nanoTime() - waitStart > STARVATION_THRESHOLD_NANOS;
            old = state;
            if ((old & STARVING) != 0) {
                // Handed off: the mutex is ours, LOCKED is clear, and we are still counted as a waiter.
                if ((old & (LOCKED | WOKEN)) != 0 || old >>> WAITER_SHIFT == 0) {
                    throw inconsistent();
                }
                int delta = LOCKED - ONE_WAITER;
                if (!starving || old >>> WAITER_SHIFT == 1) {
                    delta -= STARVING; // back to normal mode before it turns into a convoy
                }
                STATE.getAndAdd(this, delta);
                return;
            }
            awoke = true;
        }
    }

    /** After an unlock CAS that left {@code now} (not zero): wake a waiter or hand the mutex to one. */
    private void unlockSlow(int now) {
        if ((now & STARVING) != 0) {
            sema.release(); // hand-off: the first queued waiter owns the mutex now
            return;
        }
        int old = now;
        while (true) {
            // Nobody to wake, or somebody else already did (WOKEN), or the mutex was taken again in between
            // (its next unlock deals with the waiters), or it went into starvation mode (hand-off takes over).
            if (old >>> WAITER_SHIFT == 0 || (old & (LOCKED | WOKEN | STARVING)) != 0) {
                return;
            }
            int next = (old - ONE_WAITER) | WOKEN;
            int witness = (int) STATE.compareAndExchange(this, old, next);
            if (witness == old) {
                sema.release();
                return;
            }
            old = witness;
        }
    }

    private static FatalError inconsistent() {
        return Program.fatal("sync: inconsistent mutex state");
    }

    @Override
    public String toString() {
        int s = state;
        String lockState = (s & LOCKED) != 0 ? "locked" : (s & STARVING) != 0 ? "handing off" : "unlocked";
        return lockState + ((s & STARVING) != 0 ? ", starving" : "") + ((s & WOKEN) != 0 ? ", woken" : "")
                + ", waiters=" + (s >>> WAITER_SHIFT);
    }

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(MutexCore.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
