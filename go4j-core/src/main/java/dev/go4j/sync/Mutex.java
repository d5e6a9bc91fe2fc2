package dev.go4j.sync;

import dev.go4j.FatalError;
import dev.go4j.WaitReason;
import dev.go4j.internal.sync.MutexCore;

/**
 * A mutual exclusion lock, Go's {@code sync.Mutex}: at most one goroutine holds it at a time.
 *
 * {@snippet file="SyncSnippets.java" region="mutex"}
 *
 * <p>Go's semantics, which differ from {@link java.util.concurrent.locks.ReentrantLock}'s:
 * <ul>
 *   <li>No owner: any goroutine may {@link #unlock()} a locked mutex, not only the one that locked it (a
 *       goroutine may lock and hand the unlocking to another).</li>
 *   <li>Not reentrant: a second {@link #lock()} by the goroutine that holds the mutex waits like any other, here
 *       forever unless another goroutine unlocks.</li>
 *   <li>{@code lock()} cannot be interrupted: it ignores {@link Thread#interrupt()} while it waits and returns with
 *       the interrupt status still set.</li>
 *   <li>Fairness as in Go: normally a goroutine that calls {@code lock()} may take the mutex ahead of waiting ones
 *       (the throughput mode), but a waiter that has waited more than 1 ms switches the mutex to starvation mode,
 *       in which {@code unlock()} hands it straight to the longest waiter and newcomers queue behind.</li>
 *   <li>Unlocking an unlocked mutex is Go's fatal error {@code sync: unlock of unlocked mutex}: under
 *       {@link dev.go4j.Go#main Go.main} the program halts; in library mode a {@link FatalError} is thrown.</li>
 * </ul>
 *
 * <p>Memory consistency: the n-th {@code unlock()} happens-before the (n+1)-th {@code lock()} (or successful
 * {@link #tryLock()}) returns.
 *
 * <p>Why not a {@code java.util.concurrent.locks} lock: {@code ReentrantLock} and {@code ReentrantReadWriteLock}
 * are bound to their owner thread and reentrant, {@code StampedLock} lets readers barge, and
 * {@code AbstractQueuedSynchronizer}, under all of them, parks in its own loop, bypassing go4j's park path, so
 * the waiting goroutine would record no wait reason ({@code sync.Mutex.Lock}) for goroutine dumps and tests.
 * go4j's mutex is Go's algorithm on go4j's own wait queue.
 */
public final class Mutex implements Locker {
    /** The state machine; final. */
    private final MutexCore core = new MutexCore(WaitReason.SYNC_MUTEX_LOCK, this);
    /** The one handle {@link #locked()} returns; final. */
    private final Held held = this::unlock;

    /** Creates an unlocked mutex. */
    public Mutex() {
    }

    /**
     * Locks the mutex, waiting until it is available (wait reason {@code sync.Mutex.Lock}). Ignores interrupts
     * and keeps the interrupt status set. A goroutine that already holds it waits too.
     */
    @Override
    public void lock() {
        core.lock();
    }

    /**
     * Locks the mutex if it is free right now, Go's {@code TryLock}. Returns false while the mutex is locked, and
     * also while it is being handed to a waiter in starvation mode. Rarely needed: as Go's documentation says,
     * a use of {@code tryLock} is often a sign of a deeper problem.
     *
     * @return true if this call locked the mutex
     */
    public boolean tryLock() {
        return core.tryLock();
    }

    /**
     * Unlocks the mutex. Any goroutine may unlock it, not only the one that locked it.
     *
     * @throws FatalError {@code sync: unlock of unlocked mutex} if it is not locked (library mode; under
     *     {@code Go.main} the program halts instead)
     */
    @Override
    public void unlock() {
        core.unlock();
    }

    /**
     * Locks the mutex and returns its handle, for {@code try (var held = mu.locked()) { … }}; always the same
     * handle, so this allocates nothing.
     *
     * @return the handle whose {@code close()} unlocks this mutex
     */
    @Override
    public Held locked() {
        core.lock();
        return held;
    }

    /** A snapshot of the state, for debugging, such as {@code Mutex[locked, waiters=2]}. */
    @Override
    public String toString() {
        return "Mutex[" + core + "]";
    }
}
