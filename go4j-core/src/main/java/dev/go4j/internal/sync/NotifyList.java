package dev.go4j.internal.sync;

import dev.go4j.Interrupted;
import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.runtime.Program;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.park.WaitQueue;
import dev.go4j.internal.park.Waiter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * A FIFO of goroutines waiting to be notified, after the Go runtime's notifyList, in one immutable WaitQueue
 * replaced by CAS: the waiters of a sync.Cond (wakeOne and wakeAll) and of a sync.WaitGroup (wakeAll when the
 * counter reaches zero).
 *
 * Go gives each Cond waiter a ticket (an atomic counter) while it still holds the Cond's lock and queues it after
 * unlocking; a notify then wakes the ticket it is due, whether or not that waiter has queued yet. go4j queues
 * the Waiter itself before the lock is released (add), which gives the same guarantee more directly: a notify
 * that comes after the unlock finds the waiter. A notify that finds nobody is lost, as in Go.
 *
 *   add          CAS the queue q -> q.addLast(w)
 *   wakeOne      CAS q -> q.removeFirst(), then claim the removed waiter; if its claim fails it was withdrawn
 *                (interrupted), so notify the next one: a notify is never spent on a goroutine that gave up.
 *   wakeAll      getAndSet(EMPTY), then claim every waiter taken.
 *   await        Waiter.await until claimed. On interrupt the waiter cancels itself: if the cancel wins, its
 *                withdrawn() removes it from the queue (O(n)) and Interrupted is thrown; if a notify's claim won,
 *                it returns normally with the interrupt status set (the notify is not lost).
 *   withdraw     for a waiter that does not wait after all (the Cond's unlock failed, the WaitGroup's counter
 *                reached zero meanwhile): cancel and remove; if a wakeOne already claimed it, pass that
 *                notification on.
 *
 * Bubbles: a list belongs to the synctest bubble it was joined in (a Cond's at its creation, a WaitGroup's from the
 * add that starts each count), or to none; its waits are durable in that bubble, and checkBubble turns a use
 * from anywhere else into Go's fatal error.
 *
 * Memory: the claim CAS of wakeOne/wakeAll is read by the woken waiter before await returns, so a notify
 * happens-before the await it ends returns.
 */

/** A FIFO list of goroutines waiting for a notification, Go's runtime {@code notifyList}. */
public final class NotifyList {
    /** The claim token of wakeOne; wakeAll uses {@link Waiter#SIGNALLED}. */
    private static final Object NOTIFIED_ONE = new Object() {
        @Override
        public String toString() {
            return "NOTIFIED_ONE";
        }
    };

    private static final VarHandle WAITERS;

    /** Goroutines waiting to be notified, oldest first; replaced by CAS and getAndSet only. */
    private volatile WaitQueue waiters = WaitQueue.EMPTY;
    /** The public object its goroutines wait on (the Cond, the WaitGroup), recorded as their primitive. Final. */
    private final Object owner;
    /** The wait reason of its goroutines. Final. */
    private final WaitReason reason;
    /** The synctest bubble this list belongs to, or null; see the notes. */
    private volatile Bubble bubble;

    /**
     * Creates an empty list.
     *
     * @param owner the public object waiters are recorded as waiting on, so that lookups and dumps name it
     *     rather than this list
     * @param reason the wait reason recorded while they wait
     */
    public NotifyList(Object owner, WaitReason reason) {
        this.owner = owner;
        this.reason = reason;
    }

    /** Makes this list belong to the current goroutine's synctest bubble (or to none, outside bubbles). */
    public void joinCurrentBubble() {
        bubble = Bubble.current();
    }

    /**
     * Throws Go's fatal error {@code misuse} if this list belongs to a synctest bubble and the current goroutine is
     * not in it.
     */
    public void checkBubble(String misuse) {
        Bubble own = bubble;
        if (own != null && Bubble.current() != own) {
            throw Program.fatal(misuse);
        }
    }

    /**
     * Queues a waiter for the current goroutine. Call it before releasing the lock that the condition is
     * checked under, then {@link #await} (or {@link #withdraw}) it.
     *
     * @return the queued waiter
     */
    public Waiter add() {
        Waiter w = new Listed();
        WaitQueue q = waiters;
        while (true) {
            WaitQueue witness = (WaitQueue) WAITERS.compareAndExchange(this, q, q.addLast(w));
            if (witness == q) {
                return w;
            }
            q = witness;
        }
    }

    /**
     * Parks until {@code w} is notified; never returns spuriously.
     *
     * @param w the waiter {@link #add()} returned to this goroutine
     * @throws Interrupted if interrupted before a notification arrived; {@code w} is then withdrawn
     */
    public void await(Waiter w) {
        w.await(reason, owner, Deadline.NEVER, true);
    }

    /**
     * Withdraws {@code w} without waiting; a notification it already received from wakeOne is passed on.
     *
     * @param w the waiter {@link #add()} returned to this goroutine
     */
    public void withdraw(Waiter w) {
        if (w.cancel()) {
            remove(w);
        } else if (w.await(reason, owner, Deadline.NOW, false) == NOTIFIED_ONE) { // claimed: returns at once
            wakeOne();
        }
    }

    /** Wakes the longest waiter, if any. */
    public void wakeOne() {
        WaitQueue q = waiters;
        while (!q.isEmpty()) {
            WaitQueue rest = q.removeFirst();
            WaitQueue witness = (WaitQueue) WAITERS.compareAndExchange(this, q, rest);
            if (witness == q) {
                Waiter first = q.first();
                if (first.claim(NOTIFIED_ONE)) {
                    first.wake();
                    return;
                }
                q = waiters; // it had withdrawn: the notification goes to the next waiter
            } else {
                q = witness;
            }
        }
    }

    /** Wakes every waiter. */
    public void wakeAll() {
        WaitQueue q = waiters;
        if (!q.isEmpty()) {
            ((WaitQueue) WAITERS.getAndSet(this, WaitQueue.EMPTY)).forEach(Waiter::signal);
        }
    }

    /**
     * The number of queued waiters, a snapshot.
     *
     * @return how many goroutines are queued
     */
    public int waiting() {
        return waiters.size();
    }

    private void remove(Waiter w) {
        WaitQueue q = waiters;
        while (true) {
            WaitQueue without = q.remove(w);
            if (without == q) {
                return; // already taken out by a notify
            }
            WaitQueue witness = (WaitQueue) WAITERS.compareAndExchange(this, q, without);
            if (witness == q) {
                return;
            }
            q = witness;
        }
    }

    /** A waiter of this list, which leaves it when its wait is cancelled (an interrupt). */
    private final class Listed extends Waiter {
        @Override
        protected void withdrawn() {
            remove(this);
        }

        @Override
        protected boolean durableIn(Bubble b) {
            return bubble == b;
        }
    }

    static {
        try {
            WAITERS = MethodHandles.lookup().findVarHandle(NotifyList.class, "waiters", WaitQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
