package dev.go4j.sync;

import dev.go4j.FatalError;
import dev.go4j.internal.sync.RWMutexCore;

/**
 * A reader/writer mutual exclusion lock, Go's {@code sync.RWMutex}: any number of readers, or one writer.
 *
 * {@snippet file="SyncSnippets.java" region="rw-mutex"}
 *
 * <p>Go's semantics:
 * <ul>
 *   <li>Writer preference: once a goroutine waits in {@link #lock()}, new {@link #rLock()} calls wait until that
 *       writer has locked and unlocked, even from a goroutine that already holds a read lock (so recursive read
 *       locking can deadlock, as in Go), and {@link #tryRLock()} returns false.</li>
 *   <li>No owner: any goroutine may {@link #rUnlock()} or {@link #unlock()}; not reentrant.</li>
 *   <li>Lock acquisition ignores interrupts and keeps the interrupt status set.</li>
 *   <li>Writers queue on a {@link Mutex}-like lock with Go's starvation mode.</li>
 *   <li>Misuse is Go's fatal error: {@code sync: RUnlock of unlocked RWMutex},
 *       {@code sync: Unlock of unlocked RWMutex} (a {@link FatalError} in library mode).</li>
 * </ul>
 *
 * <p>As a {@link Locker}, an {@code RWMutex} locks for writing; {@link #rLocker()} is the {@code Locker} for
 * reading. Wait reasons: {@code sync.RWMutex.RLock} and {@code sync.RWMutex.Lock}.
 *
 * <p>Memory consistency: the n-th {@code unlock()} happens-before the (n+1)-th {@code lock()} returns, and
 * happens-before every {@code rLock()} that returns after it (whose readers do not see an earlier writer's
 * state half-written); every {@code rUnlock()} happens-before the next {@code lock()} returns.
 *
 * <p>Not built on {@code ReentrantReadWriteLock} (owner-bound, reentrant, parks outside go4j's park path) or
 * {@code StampedLock} (readers may barge ahead of a waiting writer); see {@link Mutex}.
 */
public final class RWMutex implements Locker {
    /** The state machine; final. */
    private final RWMutexCore core = new RWMutexCore(this);
    /** The one handle {@link #locked()} returns; final. */
    private final Held writeHeld = this::unlock;
    /** The one reader view {@link #rLocker()} returns; final. */
    private final ReadLocker readLocker = new ReadLocker();

    /** Creates an unlocked reader/writer mutex. */
    public RWMutex() {
    }

    /**
     * Locks for reading, waiting while a writer holds the lock or waits for it (wait reason
     * {@code sync.RWMutex.RLock}). Ignores interrupts and keeps the interrupt status set.
     */
    public void rLock() {
        core.rLock();
    }

    /**
     * Locks for reading if no writer holds the lock or waits for it, Go's {@code TryRLock}.
     *
     * @return true if this call took a read lock
     */
    public boolean tryRLock() {
        return core.tryRLock();
    }

    /**
     * Releases one read lock; any goroutine may call it.
     *
     * @throws FatalError {@code sync: RUnlock of unlocked RWMutex} if no read lock is held
     */
    public void rUnlock() {
        core.rUnlock();
    }

    /**
     * Locks for writing: waits for other writers, then for the readers inside to leave (wait reason
     * {@code sync.RWMutex.Lock}); from the moment it waits, new readers wait behind it. Ignores interrupts and
     * keeps the interrupt status set.
     */
    @Override
    public void lock() {
        core.lock();
    }

    /**
     * Locks for writing if nobody holds the lock or waits for it, Go's {@code TryLock}.
     *
     * @return true if this call took the write lock
     */
    public boolean tryLock() {
        return core.tryLock();
    }

    /**
     * Releases the write lock, letting in the readers that waited; any goroutine may call it.
     *
     * @throws FatalError {@code sync: Unlock of unlocked RWMutex} if it is not locked for writing
     */
    @Override
    public void unlock() {
        core.unlock();
    }

    /**
     * Locks for writing and returns the cached handle that unlocks it, for try-with-resources.
     *
     * @return the handle whose {@code close()} calls {@link #unlock()}
     */
    @Override
    public Held locked() {
        core.lock();
        return writeHeld;
    }

    /**
     * Locks for reading and returns the cached handle that releases that read lock, for try-with-resources;
     * the same as {@code rLocker().locked()}.
     *
     * @return the handle whose {@code close()} calls {@link #rUnlock()}
     */
    public Held rLocked() {
        return readLocker.locked();
    }

    /**
     * The {@link Locker} whose {@code lock()} and {@code unlock()} are {@link #rLock()} and {@link #rUnlock()},
     * Go's {@code RLocker}; always the same object.
     *
     * @return this mutex's reader view
     */
    public Locker rLocker() {
        return readLocker;
    }

    /** A snapshot of the state, for debugging. */
    @Override
    public String toString() {
        return "RWMutex[" + core + "]";
    }

    /** The reader view of this RWMutex. */
    private final class ReadLocker implements Locker {
        /** The one handle {@link #locked()} returns; final. */
        private final Held readHeld = this::unlock;

        @Override
        public void lock() {
            core.rLock();
        }

        @Override
        public void unlock() {
            core.rUnlock();
        }

        @Override
        public Held locked() {
            core.rLock();
            return readHeld;
        }

        @Override
        public String toString() {
            return "RLocker[" + RWMutex.this + "]";
        }
    }
}
