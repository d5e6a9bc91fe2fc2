package dev.go4j.sync;

import dev.go4j.Interrupted;
import dev.go4j.Panic;
import dev.go4j.Task;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.park.Park;
import dev.go4j.internal.park.Waiter;
import dev.go4j.internal.runtime.Goroutine;
import dev.go4j.internal.sync.NotifyList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * Waits for a collection of goroutines to finish, Go's {@code sync.WaitGroup}.
 *
 * <p>{@link #go(Task)} starts a goroutine that the group waits for; or call {@link #add(int)} before starting
 * work and {@link #done()} when each piece finishes. {@link #await()} (Go's {@code Wait}; {@code wait()} is taken
 * by {@link Object}) blocks until the counter is zero. Each {@code done()} happens-before the {@code await()} that
 * it unblocks returns.
 *
 * {@snippet file="SyncSnippets.java" region="wait-group"}
 *
 * <p>If a task started with {@link #go(Task)} throws: under {@link dev.go4j.PanicPolicy#EXIT} the process ends and
 * {@code done()} is never called, as in Go; under {@link dev.go4j.PanicPolicy#UNCAUGHT_EXCEPTION_HANDLER} (go4j used
 * as a library) {@code done()} is called after the exception has reached the thread's handler, so
 * {@code await()} cannot hang — a deviation from Go, which has no such mode.
 */
public final class WaitGroup {
    /*
     * Implementation notes.
     *
     * counter is the number of outstanding done() calls; waiters is the NotifyList of goroutines blocked in
     * await() for the current "generation" (the stretch until the counter next reaches zero).
     *
     * - add(delta) changes the counter with one atomic add. The call that brings it to zero wakes every waiter
     *   on the list (wakeAll takes the whole list at once). Counter updates are a single total order, so all
     *   done() calls of a generation happen-before that release, and the release happens-before each woken
     *   await().
     * - await() reads the counter (volatile): zero means return at once. Otherwise it queues its waiter, then
     *   reads the counter again. If the last done() ran between the two reads, its release may have taken the
     *   list before the waiter was on it: the waiter then sees zero on the second read and withdraws instead of
     *   waiting for a release that will not come. If the withdrawal finds it already woken, fine.
     * - A release that raced a new generation can wake a waiter that arrived after the counter went up again
     *   (the last done() brought it to zero, a valid add(1) raised it before the release took the list, and an
     *   await() queued in between). So a woken waiter reads the counter again and waits anew if it is not zero.
     *   Valid programs never make an earlier generation's waiter wait again: Go requires new add() calls to
     *   happen after the previous await() calls have returned.
     * - Go detects some misuse (Add concurrent with Wait at counter zero, reuse before Wait returned) by packing a
     *   waiter count into the state word; go4j reports only the negative counter, which is the misuse Go programs
     *   actually hit, and tolerates the rest (a waiter of a finished generation simply returns).
     */

    private static final VarHandle COUNTER;

    /** Outstanding done() calls; updated by atomic add only. */
    private volatile int counter;
    /** The goroutines blocked in await(); final. */
    private final NotifyList waiters = new NotifyList(this, WaitReason.SYNC_WAITGROUP_WAIT);

    /** Creates a WaitGroup whose counter is zero. */
    public WaitGroup() {
    }

    /**
     * Adds {@code delta}, which may be negative, to the counter. When the counter becomes zero, every goroutine
     * blocked in {@link #await()} is released. Calls with a positive delta that start from zero should happen
     * before the {@code await()} they are meant to hold up.
     *
     * @param delta the amount to add
     * @throws Panic {@code sync: negative WaitGroup counter} if the counter would go below zero
     */
    public void add(int delta) {
        Bubble.point("sync.WaitGroup.Add", this);
        if (counter == 0 && delta > 0) {
            waiters.joinCurrentBubble(); // a count started in a synctest bubble belongs to it, as in Go
        } else {
            waiters.checkBubble("sync: WaitGroup.Add called from inside and outside synctest bubble");
        }
        int previous = (int) COUNTER.getAndAdd(this, delta);
        int now = previous + delta;
        if (now < 0 || (delta < 0 && now > previous)) {
            COUNTER.getAndAdd(this, -delta);
            throw new Panic("sync: negative WaitGroup counter");
        }
        if (delta > 0 && now < previous) {
            COUNTER.getAndAdd(this, -delta);
            throw new Panic("sync: WaitGroup counter overflow");
        }
        if (now == 0 && delta != 0) {
            releaseAll();
        }
    }

    /**
     * Decrements the counter by one, Go's {@code Done}.
     *
     * @throws Panic {@code sync: negative WaitGroup counter} if the counter was zero
     */
    public void done() {
        add(-1);
    }

    /**
     * Blocks until the counter is zero, Go's {@code Wait}. Returns at once if it is zero already. Wait reason
     * {@code sync.WaitGroup.Wait}.
     *
     * @throws Interrupted if the thread is interrupted while it waits (see {@link Interrupted} for the rules)
     */
    public void await() {
        Bubble.point("sync.WaitGroup.Wait", this);
        if (counter == 0) {
            return;
        }
        Park.checkInterrupt();
        do {
            Waiter w = waiters.add();
            if (counter == 0) {
                waiters.withdraw(w);
                return;
            }
            waiters.await(w);
        } while (counter != 0);
    }

    /**
     * Starts {@code task} in a new goroutine that this group waits for, Go 1.25's {@code WaitGroup.Go}: adds one
     * now, and calls {@link #done()} when the task returns.
     *
     * @param task the goroutine's body
     * @throws NullPointerException if {@code task} is null
     */
    public void go(Task task) {
        Objects.requireNonNull(task, "task");
        add(1);
        Goroutine.start(() -> {
            Goroutine.runReportingFailure(task);
            done();
        });
    }

    @Override
    public String toString() {
        return "WaitGroup[counter=" + counter + "]";
    }

    private void releaseAll() {
        waiters.wakeAll();
    }

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNTER = lookup.findVarHandle(WaitGroup.class, "counter", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
