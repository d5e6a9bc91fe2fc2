package dev.go4j.examples.context;

import static dev.go4j.Go.go;

import dev.go4j.Go;
import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Lesson: a context can cancel a JDK blocking call. Go's blocking calls take a context and watch it themselves; a
 * JDK call such as {@link BlockingQueue#take()} knows nothing of contexts, but it does stop when its thread is
 * interrupted. {@link Context#interruptOnDone} joins the two: it runs the call on the current thread and
 * interrupts the thread if the context is done first, then reports the context's error rather than a bare
 * {@link InterruptedException}. What Go would write as
 *
 * <pre>{@code
 * select {
 * case job := <-jobs:
 *     return job, nil
 * case <-ctx.Done():
 *     return "", ctx.Err()
 * }
 * }</pre>
 *
 * <p>becomes, for a JDK queue, {@code Context.interruptOnDone(ctx, jobs::take)}, which returns the job or throws
 * {@link Context.Canceled} or {@link Context.DeadlineExceeded} (both {@link CancellationException}s, so one catch
 * takes either). If the context is already done, the call is not made at all. The interrupt is an implementation
 * detail: once {@code interruptOnDone} returns or throws, none of its interrupts is pending, so the thread's next
 * blocking call is not disturbed; the lesson prints the interrupt status at the end to show it.
 *
 * <p>Three takes: one from a queue that holds a job (returns it), one from an empty queue under a 50 ms timeout
 * (the deadline wins), and one from an empty queue whose context another goroutine cancels (the cancel wins,
 * whether it comes before the take starts or during it).
 *
 * {@snippet :
 * try (CancelContext ctx = Context.withTimeout(parent, Duration.ofMillis(50))) {
 *     String job = Context.interruptOnDone(ctx, jobs::take);
 * } catch (CancellationException e) {
 *     System.out.println(e.getMessage()); // context deadline exceeded
 * }
 * }
 */
public final class InterruptOnDone {
    /** The budget of the take that times out. */
    static final Duration TIMEOUT = Duration.ofMillis(50);

    private InterruptOnDone() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, InterruptOnDone::run);
    }

    /** Takes from a queue three times under a context: a job is there, the deadline passes, a goroutine cancels. */
    static void run() throws Exception {
        BlockingQueue<String> jobs = new LinkedBlockingQueue<>();
        jobs.add("job 1");
        try (CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(10))) {
            System.out.println("a job waiting: " + take(ctx, jobs));
        }
        try (CancelContext ctx = Context.withTimeout(Context.background(), TIMEOUT)) {
            System.out.println("empty queue, " + TIMEOUT.toMillis() + " ms timeout: " + take(ctx, jobs));
        }
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            go(ctx::cancel); // someone decides the job is no longer wanted
            System.out.println("empty queue, cancelled: " + take(ctx, jobs));
        }
        System.out.println("interrupt status afterwards: " + Thread.currentThread().isInterrupted());
    }

    /** Takes a job from {@code jobs} unless {@code ctx} is done first; returns the job or the context's error. */
    static String take(Context ctx, BlockingQueue<String> jobs) throws Exception {
        try {
            return Context.interruptOnDone(ctx, jobs::take);
        } catch (CancellationException e) { // Context.Canceled or Context.DeadlineExceeded
            return e.getMessage();
        }
    }
}
