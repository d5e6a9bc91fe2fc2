package dev.go4j.internal.park;

import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Deadline;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * The semaphore under go4j's locks, after the Go runtime's sema.go (semacquire/semrelease): a count of permits
 * and a queue of goroutines waiting for one. Go's sync package uses it only as a sleep/wake-up device; the lock
 * logic lives in the lock's own state word (MutexCore, RWMutexCore). It is a counting semaphore, not a bare
 * queue, because a release may come before the goroutine it is meant for has queued: a mutex waiter counts itself
 * in the mutex word first and reaches acquire() later, so the permit must wait for it.
 *
 * State: one immutable snapshot (permits, waiters) in a volatile field, replaced by CAS. Invariant:
 *     permits == 0 || waiters.isEmpty()
 * because acquire() takes a permit rather than queue while there is one, and release() hands its permit to the
 * longest waiter rather than count it while there is one. Each operation is linearizable at its successful CAS:
 *
 *     acquire   permits > 0   -> permits - 1, return
 *               permits == 0  -> queue a Waiter (at the back; at the front if lifo), then park until claimed
 *     release   no waiter     -> permits + 1
 *               waiters       -> dequeue the first, claim it (Waiter.signal: claim then unpark)
 *
 * Hand-off: a released permit goes straight to the longest waiter, which owns it once the CAS that dequeued it
 * has succeeded; nobody can take it in between. (Go's semrelease(handoff=false) instead counts the permit and
 * wakes the head, which may lose it to a goroutine just entering semacquire and queue again. go4j always hands
 * off: Go's locks compete in their own state word, not here, so the difference changes only which of two
 * counted waiters runs first.)
 *
 * LIFO: MutexCore re-queues a waiter that was woken and then lost the mutex to a newcomer at the front
 * (lifo = true), so it is the next to be woken; that is how a waiter's wait time keeps accumulating toward
 * starvation mode instead of restarting at the back.
 *
 * Waiters are never cancelled: acquire() ignores interrupts (Go's locks cannot be interrupted) and restores the
 * interrupt status when it returns. So every claim by release() succeeds; release() still skips a waiter whose
 * claim fails, which keeps the permit from being lost should an interruptible caller ever appear.
 *
 * Memory: everything a goroutine did before release() happens-before the acquire() that takes that permit
 * returns: the permit passes either through the CAS on `state` (a volatile write read by the acquiring CAS) or
 * through the waiter's claim CAS, which the waiter reads before it returns (see Waiter).
 *
 * Differences from sema.go: one queue per semaphore object (Go hashes addresses into a table of treaps); no
 * runtime lock; no handoff=false path; no yield to the woken goroutine; no contention profiling.
 */

/** A counting semaphore with a FIFO wait queue and hand-off, Go's runtime {@code sema}. */
public final class Sema {
    private static final State NO_PERMITS = new State(0, WaitQueue.EMPTY);
    private static final State ONE_PERMIT = new State(1, WaitQueue.EMPTY);

    private static final VarHandle STATE;

    /** Permits and waiters, immutable; replaced by CAS only. */
    private volatile State state = NO_PERMITS;

    /** Creates a semaphore with no permits. */
    public Sema() {
    }

    /**
     * Takes a permit, parking until one is handed over if there is none: Go's {@code semacquire}. Ignores
     * interrupts while parked and keeps the interrupt status set.
     *
     * @param lifo queue ahead of every other waiter instead of behind
     * @param reason the wait reason recorded while parked
     * @param primitive the object recorded as waited on (the public lock)
     */
    public void acquire(boolean lifo, WaitReason reason, Object primitive) {
        Waiter waiter = null;
        State s = state;
        while (true) {
            State next;
            if (s.permits > 0) {
                next = s.permits == 1 ? NO_PERMITS : new State(s.permits - 1, WaitQueue.EMPTY);
            } else {
                if (waiter == null) {
                    waiter = new Waiter();
                }
                next = new State(0, lifo ? s.waiters.addFirst(waiter) : s.waiters.addLast(waiter));
            }
            State witness = (State) STATE.compareAndExchange(this, s, next);
            if (witness == s) {
                break;
            }
            s = witness;
        }
        if (s.permits == 0) {
            waiter.await(reason, primitive, Deadline.NEVER, false);
        }
    }

    /** Hands a permit to the longest waiter, or adds it to the count if nobody waits: Go's {@code semrelease}. */
    public void release() {
        State s = state;
        while (true) {
            if (s.waiters.isEmpty()) {
                State next = s.permits == 0 ? ONE_PERMIT : new State(s.permits + 1, WaitQueue.EMPTY);
                State witness = (State) STATE.compareAndExchange(this, s, next);
                if (witness == s) {
                    return;
                }
                s = witness;
            } else {
                Waiter first = s.waiters.first();
                WaitQueue rest = s.waiters.removeFirst();
                State next = rest.isEmpty() ? NO_PERMITS : new State(0, rest);
                State witness = (State) STATE.compareAndExchange(this, s, next);
                if (witness == s) {
                    if (first.signal()) {
                        return;
                    }
                    s = next; // a withdrawn waiter cannot take the permit: offer it to the next one
                } else {
                    s = witness;
                }
            }
        }
    }

    /** The number of goroutines queued, a snapshot. */
    public int waiting() {
        return state.waiters.size();
    }

    @Override
    public String toString() {
        State s = state;
        return "Sema[permits=" + s.permits + ", waiting=" + s.waiters.size() + "]";
    }

    /** A snapshot of the semaphore; {@code permits == 0 || waiters.isEmpty()}. */
    private record State(int permits, WaitQueue waiters) {
    }

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Sema.class, "state", State.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
