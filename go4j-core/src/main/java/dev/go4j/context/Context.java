package dev.go4j.context;

import dev.go4j.Empty;
import dev.go4j.Panic;
import dev.go4j.ReceiveChan;
import dev.go4j.Task;
import dev.go4j.internal.context.Contexts;
import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Carries a deadline, a cancellation signal and request-scoped values across goroutines, Go's
 * {@code context.Context}.
 *
 * {@snippet file="ContextSnippets.java" region="context"}
 *
 * <p>The functions of Go's package {@code context} are static methods here: {@link #background()},
 * {@link #todo()}, {@link #withCancel}, {@link #withTimeout}, {@link #withDeadline} (each also with a cause),
 * {@link #withValue}, {@link #withoutCancel}, {@link #afterFunc}, {@link #cause}; and one Java bridge,
 * {@link #interruptOnDone}, which lets a context cancel JDK blocking calls.
 *
 * <p>Cancelling a context cancels all its descendants, once and promptly, and never its parent; cancel is
 * idempotent; a child's deadline never exceeds its parent's. Cancellation happens-before {@code done()} is seen
 * closed and {@code err()} is seen non-null. Contexts are safe for use by any number of goroutines.
 *
 * <p>Errors: {@link #err()} returns the shared instances {@link #CANCELED} and {@link #DEADLINE_EXCEEDED};
 * operations that throw a context error throw fresh stackless instances of {@link Canceled} and
 * {@link DeadlineExceeded}. Go's {@code errors.Is(err, context.Canceled)} is {@code err instanceof Canceled}. Where
 * Go code says {@code return ctx.Err()}, throw a fresh instance ({@code throw new Context.Canceled()}) rather than
 * the shared one: Java attaches causes and suppressed exceptions to thrown objects, and the shared instances refuse
 * {@code initCause}.
 *
 * <p>Relation to Java's own tools: {@code StructuredTaskScope} (a preview API in current JDKs) scopes the
 * lifetime of subtasks and cancels them by interruption; a context instead travels as a value, through channels
 * and libraries, and is observed by select. They combine: cancel a context when a scope shuts down, or use
 * {@link #interruptOnDone} inside a subtask. {@code ScopedValue} (final in JDK 25) carries request-scoped values
 * down a call tree, like {@link #withValue}; go4j does not use it (go4j-core targets Java 21), and goroutines do
 * not inherit {@code ScopedValue} bindings: pass the context, as Go programs do.
 */
public interface Context {

    /**
     * Returns a channel that is closed when this context is cancelled or its deadline passes; the nil channel for
     * a context that can never be cancelled ({@link #background()}, {@link #todo()}, {@link #withoutCancel}).
     *
     * @return the done channel
     */
    ReceiveChan<Empty> done();

    /**
     * Returns null while {@link #done()} is open; afterwards {@link #CANCELED} or {@link #DEADLINE_EXCEEDED}.
     *
     * @return why the context is done, or null
     */
    @Nullable CancellationException err();

    /**
     * Returns the time when this context will be cancelled, if it has a deadline.
     *
     * @return the deadline, or empty
     */
    Optional<Instant> deadline();

    /**
     * Returns the value associated with {@code key} in this context or its ancestors, or null; null for a null
     * key.
     *
     * @param key the key
     * @param <T> the value's type
     * @return the value, or null
     */
    <T> @Nullable T value(@Nullable Key<T> key);

    /**
     * What the two context errors share: no stack trace (they report a state, not a place), and shared instances
     * ({@link #CANCELED}, {@link #DEADLINE_EXCEEDED}) that refuse {@code initCause}. Catch it to catch both.
     */
    abstract sealed class ContextError extends CancellationException permits Canceled, DeadlineExceeded {
        @Serial
        private static final long serialVersionUID = 1L;

        /** True only for the shared instances, which must not be changed. */
        private final boolean shared;

        private ContextError(String message, boolean shared) {
            super(message);
            this.shared = shared;
        }

        @Override
        public Throwable fillInStackTrace() {
            return this;
        }

        /**
         * Sets the cause of a fresh instance.
         *
         * @throws IllegalStateException on a shared instance, which every context returns and nobody may change
         */
        @Override
        public Throwable initCause(@Nullable Throwable cause) {
            if (shared) {
                throw new IllegalStateException("the shared " + getClass().getSimpleName()
                        + " is returned by every context; throw a fresh instance instead");
            }
            return super.initCause(cause);
        }
    }

    /** The error of a cancelled context: message {@code context canceled}. */
    final class Canceled extends ContextError {
        @Serial
        private static final long serialVersionUID = 1L;

        /** Creates a fresh error, to throw; {@link Context#CANCELED} is the shared instance. */
        public Canceled() {
            this(false);
        }

        private Canceled(boolean shared) {
            super("context canceled", shared);
        }
    }

    /** The error of a context whose deadline passed: message {@code context deadline exceeded}. */
    final class DeadlineExceeded extends ContextError {
        @Serial
        private static final long serialVersionUID = 1L;

        /** Creates a fresh error, to throw; {@link Context#DEADLINE_EXCEEDED} is the shared instance. */
        public DeadlineExceeded() {
            this(false);
        }

        private DeadlineExceeded(boolean shared) {
            super("context deadline exceeded", shared);
        }
    }

    /** Go's {@code context.Canceled}: what {@link #err()} returns after cancellation. */
    Canceled CANCELED = new Canceled(true);

    /** Go's {@code context.DeadlineExceeded}: what {@link #err()} returns after the deadline passed. */
    DeadlineExceeded DEADLINE_EXCEEDED = new DeadlineExceeded(true);

    /**
     * A key for {@link #withValue}: keys are compared by identity, so a package's private key cannot collide with
     * another's (Go's unexported key type idiom).
     *
     * @param <T> the type of the values stored under this key
     */
    final class Key<T> {
        private final String name;

        private Key(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Makes a new key, distinct from every other key.
     *
     * @param name a name for debugging
     * @param <T> the type of the values stored under it
     * @return the key
     */
    static <T> Key<T> key(String name) {
        return new Key<>(Objects.requireNonNull(name, "name"));
    }

    /**
     * The root context: never cancelled, no values, no deadline, Go's {@code context.Background()}.
     *
     * @return the background context
     */
    static Context background() {
        return Contexts.BACKGROUND;
    }

    /**
     * A root context for code not yet given one, Go's {@code context.TODO()}.
     *
     * @return the TODO context
     */
    static Context todo() {
        return Contexts.TODO;
    }

    /**
     * Returns a child of {@code parent} that is cancelled by {@link CancelContext#cancel()} or when the parent is,
     * Go's {@code WithCancel}.
     *
     * @param parent the parent
     * @return the cancellable child
     */
    static CancelContext withCancel(Context parent) {
        return Contexts.withCancel(parent);
    }

    /**
     * Like {@link #withCancel}, Go's {@code WithCancelCause}: the returned context's
     * {@link CancelContext#cancel(Throwable)} records a cause, read by {@link #cause(Context)}.
     *
     * @param parent the parent
     * @return the cancellable child
     */
    static CancelContext withCancelCause(Context parent) {
        return Contexts.withCancel(parent);
    }

    /**
     * Returns a child cancelled after {@code timeout} (with {@link #DEADLINE_EXCEEDED}), when cancelled, or when
     * its parent is, Go's {@code WithTimeout}. The deadline is the parent's if that is earlier. Cancel it (or close
     * it) as soon as the work is done, to release its timer.
     *
     * @param parent the parent
     * @param timeout time until the deadline
     * @return the child
     */
    static CancelContext withTimeout(Context parent, Duration timeout) {
        return Contexts.withTimeout(parent, timeout, null);
    }

    /**
     * Like {@link #withTimeout}, but {@link #cause(Context)} returns {@code cause} once the deadline passes, Go's
     * {@code WithTimeoutCause}.
     *
     * @param parent the parent
     * @param timeout time until the deadline
     * @param cause the cause to report when the deadline passes; null reports {@link #DEADLINE_EXCEEDED}, as Go's
     *     {@code nil} does
     * @return the child
     */
    static CancelContext withTimeoutCause(Context parent, Duration timeout, @Nullable Throwable cause) {
        return Contexts.withTimeout(parent, timeout, cause);
    }

    /**
     * Returns a child cancelled at {@code deadline} (with {@link #DEADLINE_EXCEEDED}), when cancelled, or when its
     * parent is, Go's {@code WithDeadline}. If the parent's deadline is earlier, the child just follows it.
     *
     * @param parent the parent
     * @param deadline when to cancel
     * @return the child
     */
    static CancelContext withDeadline(Context parent, Instant deadline) {
        return Contexts.withDeadline(parent, deadline, null);
    }

    /**
     * Like {@link #withDeadline}, with a cause for {@link #cause(Context)}, Go's {@code WithDeadlineCause}.
     *
     * @param parent the parent
     * @param deadline when to cancel
     * @param cause the cause to report when the deadline passes; null reports {@link #DEADLINE_EXCEEDED}, as Go's
     *     {@code nil} does
     * @return the child
     */
    static CancelContext withDeadlineCause(Context parent, Instant deadline, @Nullable Throwable cause) {
        return Contexts.withDeadline(parent, deadline, cause);
    }

    /**
     * Returns a child that carries {@code value} under {@code key}, Go's {@code WithValue}. Its
     * {@code toString()} is Go's: {@code parent.WithValue(key, value)}, the value printed as it is if it is a
     * string, as {@code <nil>} if null, by its own {@code toString} if its class has one (Go's {@code Stringer}),
     * else by its class name.
     *
     * @param parent the parent
     * @param key the key
     * @param value the value, which may be null
     * @param <T> the value's type
     * @return the child
     * @throws Panic {@code nil key} if {@code key} is null
     */
    static <T> Context withValue(Context parent, Key<T> key, @Nullable T value) {
        if (key == null) {
            throw new Panic("nil key");
        }
        return Contexts.withValue(parent, key, value);
    }

    /**
     * Returns a context with {@code parent}'s values that is never cancelled and has no deadline, Go's
     * {@code WithoutCancel}.
     *
     * @param parent the parent
     * @return the detached context
     */
    static Context withoutCancel(Context parent) {
        return Contexts.withoutCancel(parent);
    }

    /**
     * Arranges for {@code task} to run in its own goroutine once {@code ctx} is done (at once if it is already),
     * Go's {@code context.AfterFunc}. It runs at most once.
     *
     * @param ctx the context to watch
     * @param task what to run
     * @return {@code stop}: true if that call prevented the task from running; it does not wait for a task that
     *     has started
     */
    static BooleanSupplier afterFunc(Context ctx, Task task) {
        return Contexts.afterFunc(ctx, Objects.requireNonNull(task, "task"));
    }

    /**
     * Returns why {@code ctx} was cancelled, Go's {@code context.Cause}: the cause given to
     * {@link CancelContext#cancel(Throwable)} or to a {@code …Cause} function, else {@link #err()}; null while not
     * done. As in Go, a context of your own that forwards {@link #value} to a go4j context (a wrapper) reports that
     * context's cause, and a child made from such a wrapper registers with the go4j context directly when the
     * wrapper also forwards {@link #done()}.
     *
     * @param ctx the context
     * @return the cause, or null
     */
    static @Nullable Throwable cause(Context ctx) {
        return Contexts.cause(ctx);
    }

    /**
     * Runs {@code call} on the current thread and interrupts the thread if {@code ctx} becomes done first: the
     * bridge that lets a context cancel JDK blocking calls (I/O, queues, {@code Thread.sleep}). If {@code ctx} is
     * already done, throws its error without calling. When this method returns or throws, no interrupt from it is
     * pending (a late one is cleared), and a failure of {@code call} after the interrupt surfaces as a fresh
     * {@link Canceled} or {@link DeadlineExceeded}, with the call's exception as its cause.
     *
     * {@snippet file="ContextSnippets.java" region="interrupt-on-done"}
     *
     * @param ctx the context
     * @param call the blocking call
     * @param <T> the call's result type
     * @return the call's result
     * @throws Exception what the call throws, or the context error
     */
    static <T extends @Nullable Object> T interruptOnDone(Context ctx, Callable<T> call) throws Exception {
        return Contexts.interruptOnDone(ctx, Objects.requireNonNull(call, "call"));
    }
}
