package dev.go4j.sync;

import dev.go4j.Panic;
import dev.go4j.Result;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.sync.MutexCore;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Performs one action exactly once, Go's {@code sync.Once}; its static methods are Go's {@code sync.OnceFunc},
 * {@code OnceValue} and {@code OnceValues}.
 *
 * {@snippet file="SyncSnippets.java" region="once"}
 *
 * <p>{@link #run(Runnable)} calls its function only the first time it is called on this {@code Once}, even if
 * later calls pass other functions. Concurrent callers wait until that first call has finished (ignoring
 * interrupts, as lock acquisition does; wait reason {@code sync.Mutex.Lock}, as in Go). If the function throws,
 * the exception reaches its caller, the {@code Once} still counts as done, and the callers that waited return
 * normally. Calling {@code run} on the same {@code Once} from inside the function throws a {@link Panic}
 * (deviation: Go deadlocks).
 *
 * <p>Memory consistency: the completion of the function (normal or by an exception) happens-before any
 * {@code run} call on the same {@code Once} returns, and before the functions returned by {@link #onceFunc},
 * {@link #onceValue} and {@link #onceValues} return.
 *
 * <p>The function wrappers, for lazy initialisation without a field per value:
 * {@snippet file="SyncSnippets.java" region="once-values"}
 */
public final class Once {
    /*
     * Implementation notes.
     *
     * Go's two-step Once: a volatile done flag for the fast path, and a mutex for the slow path. The goroutine
     * that finds done unset takes the mutex, checks again, runs f, sets done (in a finally, so an exception from f
     * also finishes the Once) and unlocks; the others queue on the mutex and find done set once they get it.
     * done is written only under the mutex, after f has returned, so a fast-path reader that sees it also sees
     * f's effects, and a slow-path caller sees them through the mutex.
     *
     * Recursion: `running` is the thread inside f. A call of run from inside f would wait for the mutex forever
     * (Go reports the deadlock when no goroutine can run); the check before locking turns it into a Panic. Only
     * the thread that wrote `running` can ever find itself in it, so the racy read by other threads is harmless.
     *
     * The wrappers share one helper, Memo: a Once around a supplier whose outcome (value, or the exception it
     * threw) is kept and replayed on every call, as Go's OnceFunc and OnceValue do with a panic value. The
     * supplier is dropped after its one call so that what it captured can be collected (Go does the same).
     */

    private static final String RECURSIVE_RUN = "sync: Once.run called from inside its own function";

    /** True once the function has run; written once, under the mutex, after the function returned. */
    private volatile boolean done;
    /** The thread running the function, else null; written under the mutex, read racily (see notes). */
    private volatile Thread running;
    /** Serialises the slow path; final. */
    private final MutexCore mutex = new MutexCore(WaitReason.SYNC_MUTEX_LOCK, this);

    /** Creates a {@code Once} whose function has not run. */
    public Once() {
    }

    /**
     * Calls {@code f} if and only if this is the first call of {@code run} on this {@code Once}, Go's
     * {@code Do}; otherwise waits until that first call has finished and returns.
     *
     * @param f the function to run the first time
     * @throws Panic if called from inside the function of the same {@code Once}
     * @throws NullPointerException if {@code f} is null
     */
    public void run(Runnable f) {
        Bubble.point("sync.Once.Do", this);
        Objects.requireNonNull(f, "f");
        if (!done) {
            runSlow(f);
        }
    }

    private void runSlow(Runnable f) {
        Thread self = Thread.currentThread();
        if (running == self) {
            throw new Panic(RECURSIVE_RUN);
        }
        mutex.lock();
        try {
            if (!done) {
                running = self;
                try {
                    f.run();
                } finally {
                    running = null;
                    done = true;
                }
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Returns a function that calls {@code f} only once, Go's {@code sync.OnceFunc}. If {@code f} throws, every
     * call of the returned function throws that same exception.
     *
     * @param f the function to call once
     * @return the function that calls {@code f} on its first call and only then
     * @throws NullPointerException if {@code f} is null
     */
    public static Runnable onceFunc(Runnable f) {
        Objects.requireNonNull(f, "f");
        Memo<Void> memo = new Memo<>(() -> {
            f.run();
            return null;
        });
        return memo::get;
    }

    /**
     * Returns a supplier that calls {@code f} only once and returns its value on every call, Go's
     * {@code sync.OnceValue}. If {@code f} throws, every call throws that same exception.
     *
     * @param f the supplier to call once
     * @param <T> the type of the value
     * @return the caching supplier
     * @throws NullPointerException if {@code f} is null
     */
    public static <T extends @Nullable Object> Supplier<T> onceValue(Supplier<? extends T> f) {
        Objects.requireNonNull(f, "f");
        Memo<T> memo = new Memo<>(f);
        return memo::get;
    }

    /**
     * Returns a supplier that calls {@code f} only once and returns its outcome as a {@link Result} on every
     * call, Go's {@code sync.OnceValues} ({@code (T, error)} becomes {@code Result<T>}). An exception thrown by
     * {@code f} is its error and is cached as {@code Err}, except a {@link Panic} or an {@link Error}, which, as
     * Go re-panics, is thrown again on every call.
     *
     * @param f the computation to run once
     * @param <T> the type of the value
     * @return the caching supplier of {@code f}'s result
     * @throws NullPointerException if {@code f} is null
     */
    public static <T extends @Nullable Object> Supplier<Result<T>> onceValues(Callable<? extends T> f) {
        Objects.requireNonNull(f, "f");
        Memo<Result<T>> memo = new Memo<>(() -> {
            try {
                return Result.ok(f.call());
            } catch (Panic p) {
                throw p;
            } catch (Exception e) {
                return Result.err(e);
            }
        });
        return memo::get;
    }

    @Override
    public String toString() {
        return "Once[done=" + done + "]";
    }

    /** A supplier called once whose outcome, value or exception, is replayed on every call. */
    private static final class Memo<T> {
        /** Runs compute once; final. */
        private final Once once = new Once();
        /** compute as a Runnable, made once; final. */
        private final Runnable compute = this::compute;
        /**
         * The supplier until compute takes it. Final, so that it is set even in a Memo published by a data race
         * (the final-field guarantee covers the AtomicReference's contents at construction).
         */
        private final AtomicReference<Supplier<? extends T>> f;
        /** The value; written by compute inside the once, read after once.run returned (Once's edge). */
        private T value;
        /** What the supplier threw, or null; written and read like value. */
        private Throwable failure;

        Memo(Supplier<? extends T> f) {
            this.f = new AtomicReference<>(f);
        }

        T get() {
            once.run(compute);
            Throwable t = failure;
            if (t != null) {
                throw Memo.<RuntimeException>rethrow(t);
            }
            return value;
        }

        private void compute() {
            Supplier<? extends T> supplier = f.getAndSet(null);
            try {
                value = supplier.get();
            } catch (Throwable t) {
                failure = t;
                throw t;
            }
        }

        /** Throws {@code t} as it is (it can be checked only if a supplier threw it sneakily). */
        @SuppressWarnings("unchecked")
        private static <E extends Throwable> E rethrow(Throwable t) throws E {
            throw (E) t;
        }
    }
}
