package dev.go4j.internal.sync;

import dev.go4j.FatalError;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.park.Sema;
import dev.go4j.internal.runtime.Program;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Implementation notes.
 *
 * Go's sync.RWMutex: a writer mutex, two semaphores and two counters. Writer preference: once a writer has
 * announced itself, new readers queue behind it (even a goroutine that already holds a read lock, which is why a
 * recursive read lock can deadlock), and it waits only for the readers that were inside when it arrived.
 *
 *   writers      MutexCore held from the start of lock() until the end of unlock(): writers exclude each other
 *                and queue (with Go's starvation mode) there.
 *   readerCount  readers inside or queued behind the writer; MAX_READERS is subtracted while a writer is
 *                pending or active, so "readerCount < 0" means "a writer has announced itself".
 *   readerWait   readers that were inside when the pending writer announced itself and have not left yet.
 *   writerSem    the pending writer sleeps here until the last of those readers leaves.
 *   readerSem    readers that arrived after the writer sleep here until its unlock().
 *
 *   rLock      readerCount + 1; if that is negative, a writer is pending or active: sleep on readerSem.
 *   rUnlock    readerCount - 1; if it was negative (a writer pending), readerWait - 1, and the reader that
 *              brings it to zero wakes the writer.
 *   lock       lock writers; readerCount - MAX_READERS announces the writer and yields r, the readers inside;
 *              readerWait + r; if readers remain, sleep on writerSem.
 *   unlock     readerCount + MAX_READERS yields the readers that queued meanwhile; release each one's permit
 *              on readerSem; unlock writers.
 *   tryRLock   CAS readerCount c -> c + 1 while c >= 0.
 *   tryLock    writers.tryLock, then CAS readerCount 0 -> -MAX_READERS; on failure undo and report false.
 *
 * The counters cross over: a reader can leave (readerWait - 1) before the writer has added r to readerWait, so
 * readerWait may go negative for a moment; whichever side brings it to zero releases the writer, the writer
 * itself when it finds "r + readerWait == 0" (it then does not sleep), or the last reader (release before
 * acquire is fine: Sema counts permits).
 *
 * Memory: writer unlock happens-before a later rLock or lock returns (the readerCount add read by the reader,
 * or the readerSem permit, or the writers mutex); rUnlock happens-before a later lock returns (readerCount,
 * and the writerSem permit for a waiting writer).
 *
 * Misuse: rUnlock() and unlock() check readerCount before changing it (CAS loops; Go adds first and checks the
 * result), so a FatalError thrown in library mode leaves the state intact. The checks are Go's: rUnlock fails
 * when no reader is inside (readerCount 0, or exactly -MAX_READERS), unlock when no writer has announced itself.
 *
 * Differences from rwmutex.go: no race-detector hooks; the writers mutex and both semaphores record the
 * RWMutex's own wait reasons (Go's writer shows sync.Mutex.Lock while queued behind another writer; go4j shows
 * sync.RWMutex.Lock throughout).
 */

/** The state machine of Go's {@code sync.RWMutex}; see the implementation notes. */
public final class RWMutexCore {
    /** Go's rwmutexMaxReaders: more simultaneous readers than this is unsupported. */
    static final int MAX_READERS = 1 << 30;

    private static final VarHandle READER_COUNT;
    private static final VarHandle READER_WAIT;

    /** Held by the pending or active writer. Final. */
    private final MutexCore writers;
    /** The pending writer waits here for departing readers. Final. */
    private final Sema writerSem = new Sema();
    /** Readers wait here for the writer to finish. Final. */
    private final Sema readerSem = new Sema();
    /** The public object recorded as waited on. Final. */
    private final Object primitive;
    /** Readers inside or queued, minus MAX_READERS while a writer is pending or active; atomic add and CAS. */
    private volatile int readerCount;
    /** Readers the pending writer still waits for; atomic add only. */
    private volatile int readerWait;

    /**
     * Creates an unlocked reader/writer mutex.
     *
     * @param primitive the public object recorded as waited on
     */
    public RWMutexCore(Object primitive) {
        this.primitive = primitive;
        this.writers = new MutexCore(WaitReason.SYNC_RWMUTEX_LOCK, primitive);
    }

    /** Read-locks, waiting behind a pending or active writer; ignores interrupts. */
    public void rLock() {
        Bubble.point("sync.RWMutex.RLock", primitive);
        if ((int) READER_COUNT.getAndAdd(this, 1) + 1 < 0) {
            readerSem.acquire(false, WaitReason.SYNC_RWMUTEX_RLOCK, primitive);
        }
    }

    /** Read-locks if no writer is pending or active. */
    public boolean tryRLock() {
        Bubble.point("sync.RWMutex.TryRLock", primitive);
        int c = readerCount;
        while (c >= 0) {
            int witness = (int) READER_COUNT.compareAndExchange(this, c, c + 1);
            if (witness == c) {
                return true;
            }
            c = witness;
        }
        return false;
    }

    /**
     * Releases one read lock.
     *
     * @throws FatalError {@code sync: RUnlock of unlocked RWMutex}
     */
    public void rUnlock() {
        Bubble.point("sync.RWMutex.RUnlock", primitive);
        int c = readerCount;
        while (true) {
            if (c == 0 || c == -MAX_READERS) {
                throw Program.fatal("sync: RUnlock of unlocked RWMutex");
            }
            int witness = (int) READER_COUNT.compareAndExchange(this, c, c - 1);
            if (witness == c) {
                break;
            }
            c = witness;
        }
        if (c - 1 < 0 && (int) READER_WAIT.getAndAdd(this, -1) - 1 == 0) {
            writerSem.release(); // the last reader the pending writer waited for
        }
    }

    /** Write-locks: waits for other writers, then for the readers inside to leave; ignores interrupts. */
    public void lock() {
        writers.lock();
        int inside = (int) READER_COUNT.getAndAdd(this, -MAX_READERS);
        if (inside != 0 && (int) READER_WAIT.getAndAdd(this, inside) + inside != 0) {
            writerSem.acquire(false, WaitReason.SYNC_RWMUTEX_LOCK, primitive);
        }
    }

    /** Write-locks if no writer and no reader is inside or pending. */
    public boolean tryLock() {
        if (!writers.tryLock()) {
            return false;
        }
        if (!READER_COUNT.compareAndSet(this, 0, -MAX_READERS)) {
            writers.unlock();
            return false;
        }
        return true;
    }

    /**
     * Releases the write lock and lets the readers that queued behind it in.
     *
     * @throws FatalError {@code sync: Unlock of unlocked RWMutex}
     */
    public void unlock() {
        int c = readerCount;
        while (true) {
            if (c >= 0) {
                throw Program.fatal("sync: Unlock of unlocked RWMutex");
            }
            int witness = (int) READER_COUNT.compareAndExchange(this, c, c + MAX_READERS);
            if (witness == c) {
                break;
            }
            c = witness;
        }
        for (int queued = c + MAX_READERS; queued > 0; queued--) {
            readerSem.release();
        }
        writers.unlock();
    }

    @Override
    public String toString() {
        int c = readerCount;
        return c < 0
                ? "writer pending or active, readers=" + (c + MAX_READERS) + ", readerWait=" + readerWait
                : "readers=" + c;
    }

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            READER_COUNT = lookup.findVarHandle(RWMutexCore.class, "readerCount", int.class);
            READER_WAIT = lookup.findVarHandle(RWMutexCore.class, "readerWait", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
