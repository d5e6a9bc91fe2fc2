package dev.go4j;

/**
 * Why a goroutine is blocked, with Go's text as {@link #toString()} (the words a Go goroutine dump shows in
 * brackets, as in {@code goroutine 7 [chan receive]:}).
 *
 * <p>Every go4j blocking operation records its reason, and the primitive it waits on, before it parks. Tests use
 * them to wait until a goroutine has really blocked instead of sleeping:
 *
 * {@snippet file="TestingSnippets.java" region="await-blocked"}
 */
public enum WaitReason {
    /** Blocked in a channel receive. */
    CHAN_RECEIVE("chan receive"),
    /** Blocked in a channel send. */
    CHAN_SEND("chan send"),
    /** Blocked forever receiving from the nil channel. */
    CHAN_RECEIVE_NIL_CHAN("chan receive (nil chan)"),
    /** Blocked forever sending to the nil channel. */
    CHAN_SEND_NIL_CHAN("chan send (nil chan)"),
    /** Blocked in a select. */
    SELECT("select"),
    /** Blocked forever in a select without cases. */
    SELECT_NO_CASES("select (no cases)"),
    /** Sleeping. */
    SLEEP("sleep"),
    /** Waiting to lock a {@code sync.Mutex}. */
    SYNC_MUTEX_LOCK("sync.Mutex.Lock"),
    /** Waiting to read-lock a {@code sync.RWMutex}. */
    SYNC_RWMUTEX_RLOCK("sync.RWMutex.RLock"),
    /** Waiting to write-lock a {@code sync.RWMutex}. */
    SYNC_RWMUTEX_LOCK("sync.RWMutex.Lock"),
    /** Waiting in {@code sync.WaitGroup.Wait}. */
    SYNC_WAITGROUP_WAIT("sync.WaitGroup.Wait"),
    /** Waiting in {@code sync.Cond.Wait}. */
    SYNC_COND_WAIT("sync.Cond.Wait"),
    /** Waiting for a semaphore (go4j: {@code x/sync/semaphore.Weighted.acquire}). */
    SEMACQUIRE("semacquire"),
    /** Waiting for a synctest bubble to finish ({@code Synctest.test}, Go's {@code synctest.Test}). */
    SYNCTEST_RUN("synctest.Run"),
    /**
     * Waiting in a synctest bubble until every other goroutine of the bubble is durably blocked
     * ({@code Synctest.await}, Go's {@code synctest.Wait}).
     */
    SYNCTEST_WAIT("synctest.Wait");

    private final String goText;

    WaitReason(String goText) {
        this.goText = goText;
    }

    /** Returns Go's text for this reason, for example {@code chan receive}. */
    @Override
    public String toString() {
        return goText;
    }
}
