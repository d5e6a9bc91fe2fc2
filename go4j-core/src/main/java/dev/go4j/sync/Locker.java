package dev.go4j.sync;

/**
 * Something that can be locked and unlocked, Go's {@code sync.Locker}: {@link Mutex}, {@link RWMutex} (its write
 * lock), {@link RWMutex#rLocker()} (its read lock) and any user type, interchangeably; {@link Cond} waits under
 * one.
 *
 * <p>{@link #locked()} locks and returns a {@link Held} handle whose {@code close()} unlocks, so Go's
 * {@code mu.Lock(); defer mu.Unlock()} becomes a try-with-resources block:
 *
 * {@snippet file="SyncSnippets.java" region="locker"}
 *
 * <p>javac's {@code -Xlint:try} warns that {@code held} is never used in such a block; that is the idiom, so
 * suppress the warning ({@code @SuppressWarnings("try")}), or, from Java 22 on, name the variable {@code _}.
 *
 * <p>A handle is not a token of ownership: closing it twice unlocks twice (for go4j's locks a fatal error, as
 * unlocking an unlocked mutex is in Go). go4j's locks return one cached handle per lock, so {@code locked()}
 * allocates nothing; the default implementation, for user types, returns a new one on every call.
 */
public interface Locker {

    /** Locks, waiting as long as it takes. */
    void lock();

    /** Unlocks. */
    void unlock();

    /**
     * Locks, and returns a handle that unlocks when closed.
     *
     * @return a handle whose {@link Held#close()} calls {@link #unlock()}
     */
    default Held locked() {
        lock();
        return this::unlock;
    }

    /**
     * A lock held by a try-with-resources block: {@link #close()} unlocks it and throws no checked exception.
     *
     * {@snippet file="SyncSnippets.java" region="held"}
     */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        /** Unlocks the lock that returned this handle. */
        @Override
        void close();
    }
}
