package dev.go4j.errgroup;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Interrupted;
import dev.go4j.Panic;
import dev.go4j.Task;
import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.sync.WaitGroup;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A collection of goroutines working on subtasks of a common task, Go's {@code golang.org/x/sync/errgroup.Group}:
 * {@link #go(Task)} starts one, {@link #await()} waits for all and throws the first error.
 *
 * {@snippet file="ErrgroupSnippets.java" region="group"}
 *
 * <p>Errors and panics (see {@link Panic}): an exception a task throws is its error, except a {@code Panic} or
 * an {@link Error}, which follows the panic policy as Go's re-panic would. Only the first error is kept; later
 * ones are dropped, as in Go. The completion of every task happens-before {@code await()} returns.
 *
 * <p>A zero-value {@code Group} ({@code new Group()}) has no limit and no context.
 */
public final class Group {
    /*
     * Implementation notes. As Go's errgroup: a WaitGroup counts active tasks; the limit is a buffered channel of
     * tokens (send to start, receive when done), so go() blocks and tryGo() fails while it is full; the first
     * error is kept by CAS and cancels the derived context with itself as cause. go4j's WaitGroup.go reports a
     * panicking task through the panic policy and, in library mode, still counts it done.
     */

    /** Tokens of active tasks when a limit is set; null for no limit. Written by setLimit only. */
    private volatile Chan<Empty> limit;
    /** The first task error; set once. */
    private final AtomicReference<Exception> firstError = new AtomicReference<>();
    private final WaitGroup active = new WaitGroup();
    /** The derived context of withContext, or null. Final. */
    private final CancelContext context;

    /** Creates a group with no limit and no context. */
    public Group() {
        this(null);
    }

    private Group(CancelContext context) {
        this.context = context;
    }

    /**
     * Returns a new group and a context derived from {@code parent} that is cancelled, with the error as its
     * cause, when a task first fails, or when {@link #await()} returns, whichever comes first.
     *
     * @param parent the parent context
     * @return the group and its context
     */
    public static GroupAndContext withContext(Context parent) {
        CancelContext ctx = Context.withCancelCause(Objects.requireNonNull(parent, "parent"));
        return new GroupAndContext(new Group(ctx), ctx);
    }

    /**
     * Starts {@code task} in a new goroutine, first waiting for a free slot if a limit is set (a limit of 0
     * blocks forever). A task that calls {@code go} on its own limited group can deadlock once every slot is held
     * by such a task; use {@link #tryGo} there. A task's slot is freed, and the derived context cancelled on its
     * error, only after the task (its {@code finally} blocks included) has returned.
     *
     * @param task the subtask
     * @throws Interrupted if interrupted while waiting for a slot
     */
    public void go(Task task) {
        Objects.requireNonNull(task, "task");
        Chan<Empty> tokens = limit;
        if (tokens != null) {
            tokens.send(Empty.VALUE);
        }
        start(task, tokens);
    }

    /**
     * Starts {@code task} only if a slot is free under the limit (always, with no limit).
     *
     * @param task the subtask
     * @return true if started
     */
    public boolean tryGo(Task task) {
        Objects.requireNonNull(task, "task");
        Chan<Empty> tokens = limit;
        if (tokens != null && !tokens.trySend(Empty.VALUE)) {
            return false;
        }
        start(task, tokens);
        return true;
    }

    /**
     * Limits the number of active goroutines to {@code n}; a negative {@code n} removes the limit.
     *
     * @param n the limit, or negative for none
     * @throws Panic {@code errgroup: modify limit while N goroutines in the group are still active} if a limit is
     *     set and goroutines started under it are still running
     */
    public void setLimit(int n) {
        if (n < 0) {
            limit = null;
            return;
        }
        Chan<Empty> tokens = limit;
        if (tokens != null && tokens.len() != 0) {
            throw new Panic("errgroup: modify limit while " + tokens.len()
                    + " goroutines in the group are still active");
        }
        limit = Chan.make(n);
    }

    /**
     * Waits for every started goroutine, then throws the first error any of them returned, Go's {@code Wait}.
     * Cancels the derived context, if any.
     *
     * @throws Exception the first task error
     * @throws Interrupted if interrupted while waiting
     */
    public void await() throws Exception {
        active.await();
        Exception error = firstError.get();
        if (context != null) {
            context.cancel(error);
        }
        if (error != null) {
            throw error;
        }
    }

    private void start(Task task, Chan<Empty> tokens) {
        active.go(() -> {
            try {
                task.run();
            } catch (Panic panic) {
                throw panic;
            } catch (Exception error) {
                if (firstError.compareAndSet(null, error) && context != null) {
                    context.cancel(error);
                }
            } finally {
                if (tokens != null) {
                    tokens.receive();
                }
            }
        });
    }
}
