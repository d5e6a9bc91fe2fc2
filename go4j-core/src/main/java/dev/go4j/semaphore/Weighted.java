package dev.go4j.semaphore;

import dev.go4j.Interrupted;
import dev.go4j.Panic;
import dev.go4j.WaitReason;
import dev.go4j.context.Context;
import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.context.Contexts;
import dev.go4j.internal.park.Park;
import dev.go4j.internal.park.Waiter;
import dev.go4j.internal.sync.MutexCore;
import dev.go4j.internal.park.WaitQueue;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A weighted semaphore, Go's {@code golang.org/x/sync/semaphore.Weighted}: {@link #acquire} takes {@code n}
 * permits, waiting until they are free or a context is done; {@link #release} gives them back.
 *
 * {@snippet file="SemaphoreSnippets.java" region="weighted"}
 *
 * <p>Waiters are served in FIFO order, and a waiter that does not fit blocks everyone behind it (no barging, so
 * large requests are not starved). Wait reason {@code semacquire}. A release happens-before the acquire it lets
 * through returns.
 */
public final class Weighted {
    /*
     * Implementation notes. As Go's semaphore: a mutex (go4j's sync.Mutex core, as Go's uses sync.Mutex) guards
     * `current` and a FIFO of waiters; release and the withdrawal of a cancelled head waiter grant permits to the
     * longest waiters in order, stopping at the first that does not fit. A waiter is woken by one of two claims
     * on its Waiter: GRANTED (permits already counted as its) or DONE (its context finished, claimed by an inline
     * context callback). The two race on one CAS. A waiter that was granted but finds its context done
     * afterwards gives the permits back and reports the context error, as Go does. A waiter interrupted before
     * any claim withdraws itself (its withdrawn() hook) like a cancelled one.
     */

    private static final Object GRANTED = new Object();
    private static final Object DONE = new Object();

    private final long size;
    /** Guards current and waiters; held for a few steps only, never while parked. */
    private final MutexCore lock = new MutexCore(WaitReason.SYNC_MUTEX_LOCK, this);
    /** Permits held. Guarded by lock. */
    private long current;
    /** Waiting acquirers, oldest first. Guarded by lock. */
    private WaitQueue waiters = WaitQueue.EMPTY;

    /**
     * Creates a semaphore with {@code size} permits, Go's {@code NewWeighted}.
     *
     * @param size the total weight
     */
    public Weighted(long size) {
        this.size = size;
    }

    /**
     * Takes {@code n} permits, waiting until they are free (and every earlier waiter is served) or {@code ctx} is
     * done. Throws the context error if {@code ctx} is already done, even if permits are free. If {@code n}
     * exceeds the size, waits until {@code ctx} is done (forever for {@code Context.background()}) and throws.
     *
     * @param ctx the context that bounds the wait
     * @param n how many permits
     * @throws CancellationException the context error ({@link Context.Canceled} or
     *     {@link Context.DeadlineExceeded}); no permits are then held
     * @throws Interrupted if interrupted while waiting; no permits are then held
     */
    public void acquire(Context ctx, long n) {
        Objects.requireNonNull(ctx, "ctx");
        Acquirer acquirer;
        lock.lock();
        try {
            CancellationException early = ctx.err();
            if (early != null) {
                throw Contexts.fresh(early);
            }
            if (size - current >= n && waiters.isEmpty()) {
                current += n;
                return;
            }
            Park.checkInterrupt();
            acquirer = new Acquirer(n);
            if (n <= size) {
                waiters = waiters.addLast(acquirer);
            }
        } finally {
            lock.unlock();
        }
        BooleanSupplier stopWatching = Contexts.onDone(ctx, acquirer::contextDone);
        Object outcome;
        try {
            outcome = acquirer.await(WaitReason.SEMACQUIRE, this, Deadline.NEVER, true); // withdraws if interrupted
        } finally {
            stopWatching.getAsBoolean();
        }
        if (outcome == DONE) {
            withdraw(acquirer);
            throw Contexts.fresh(ctx.err());
        }
        CancellationException late = ctx.err();
        if (late != null) {
            release(n); // granted, but the context finished too: give the permits back, as Go does
            throw Contexts.fresh(late);
        }
    }

    /**
     * Takes {@code n} permits if they are free and nobody is waiting.
     *
     * @param n how many permits
     * @return true if taken
     */
    public boolean tryAcquire(long n) {
        lock.lock();
        try {
            if (size - current >= n && waiters.isEmpty()) {
                current += n;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives back {@code n} permits and lets through the waiters that now fit, in order.
     *
     * @param n how many permits
     * @throws Panic {@code semaphore: released more than held}
     */
    public void release(long n) {
        lock.lock();
        try {
            current -= n;
            if (current < 0) {
                current += n;
                throw new Panic("semaphore: released more than held");
            }
            grantWaiters();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: grants permits to the head waiters while they fit. */
    private void grantWaiters() {
        while (!waiters.isEmpty()) {
            Acquirer head = (Acquirer) waiters.first();
            if (size - current < head.n) {
                return; // FIFO: a waiter that does not fit blocks everyone behind it
            }
            waiters = waiters.removeFirst();
            if (head.claim(GRANTED)) {
                current += head.n;
                head.wake();
            }
        }
    }

    /** Removes a waiter that gave up; if it was the head, the ones behind it may now fit. */
    private void withdraw(Acquirer acquirer) {
        lock.lock();
        try {
            boolean wasHead = !waiters.isEmpty() && waiters.first() == acquirer;
            waiters = waiters.remove(acquirer);
            if (wasHead) {
                grantWaiters();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Weighted[size=" + size + ", held=" + current + ", waiters=" + waiters.size() + "]";
        } finally {
            lock.unlock();
        }
    }

    /** One goroutine waiting for permits. */
    private final class Acquirer extends Waiter {
        final long n;

        Acquirer(long n) {
            this.n = n;
        }

        /** Interrupted before any claim: leave the queue (and let the ones behind through). */
        @Override
        protected void withdrawn() {
            withdraw(this);
        }

        /** The inline context callback: wins the waiter's CAS unless permits were granted first. */
        void contextDone() {
            if (claim(DONE)) {
                wake();
            }
        }
    }
}
