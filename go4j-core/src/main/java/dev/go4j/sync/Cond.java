package dev.go4j.sync;

import dev.go4j.Interrupted;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.park.Park;
import dev.go4j.internal.park.Waiter;
import dev.go4j.internal.sync.NotifyList;
import java.util.Objects;

/**
 * A condition variable, Go's {@code sync.Cond}: a rendezvous point for goroutines waiting for, or announcing, a
 * change of some state guarded by a {@link Locker}.
 *
 * {@snippet file="SyncSnippets.java" region="cond"}
 *
 * <p>{@link #await()} (Go's {@code Wait}; {@code wait()} is taken by {@link Object}) unlocks the locker, waits
 * for {@link #signal()} or {@link #broadcast()}, and locks it again before it returns. It never returns without
 * one of them (no spurious wake-ups), but the state may have changed again by the time it has the lock back, so
 * callers check their condition in a loop, as above. {@code signal()} wakes the goroutine that has waited
 * longest; a signal or broadcast with no goroutine waiting is lost. Neither needs the lock held.
 *
 * <p>Memory consistency: a {@code signal()} or {@code broadcast()} happens-before the return of each
 * {@code await()} it wakes.
 *
 * <p>Interrupts: {@code await()} is interruptible, unlike lock acquisition. An interrupted {@code await()} locks
 * the locker again (go4j's locks ignore interrupts for that) and then throws {@link Interrupted}; if a signal
 * reached the goroutine first, {@code await()} returns normally with the interrupt status set, so no signal is
 * lost. Not built on {@link java.util.concurrent.locks.Condition}, which is tied to the owner-bound
 * {@code java.util.concurrent} locks and parks outside go4j's park path.
 */
public final class Cond {
    /** The locker held while the condition is checked or changed; Go's field {@code L}. Final. */
    private final Locker locker;
    /** The waiting goroutines, oldest first; final. */
    private final NotifyList waiters = new NotifyList(this, WaitReason.SYNC_COND_WAIT);

    /**
     * Creates a condition variable over {@code locker}, Go's {@code NewCond}.
     *
     * @param locker the lock the condition's state is guarded by
     * @throws NullPointerException if {@code locker} is null
     */
    public Cond(Locker locker) {
        this.locker = Objects.requireNonNull(locker, "locker");
        waiters.joinCurrentBubble();
    }

    /**
     * The locker, Go's {@code c.L}.
     *
     * @return the locker this condition was created with
     */
    public Locker locker() {
        return locker;
    }

    /**
     * Unlocks the locker, waits until woken by {@link #signal()} or {@link #broadcast()} (wait reason
     * {@code sync.Cond.Wait}), and locks the locker again before returning. The caller must hold the locker.
     *
     * @throws Interrupted if the goroutine is interrupted before a wake-up reached it; the locker is held again
     *     by then, and if the goroutine was interrupted before the call, the locker was never released
     */
    public void await() {
        Bubble.point("sync.Cond.Wait", this);
        Park.checkInterrupt();
        Waiter w = waiters.add(); // queued before unlocking: a signal after the unlock finds it
        try {
            locker.unlock();
        } catch (Throwable t) {
            waiters.withdraw(w);
            throw t;
        }
        try {
            waiters.await(w);
        } finally {
            locker.lock();
        }
    }

    /** Wakes the goroutine that has waited longest in {@link #await()}, if there is one. */
    public void signal() {
        Bubble.point("sync.Cond.Signal", this);
        waiters.checkBubble("sync: Cond.Signal called from outside synctest bubble");
        waiters.wakeOne();
    }

    /** Wakes every goroutine waiting in {@link #await()}. */
    public void broadcast() {
        Bubble.point("sync.Cond.Broadcast", this);
        waiters.checkBubble("sync: Cond.Broadcast called from outside synctest bubble");
        waiters.wakeAll();
    }

    @Override
    public String toString() {
        return "Cond[waiting=" + waiters.waiting() + ", locker=" + locker + "]";
    }
}
