package dev.go4j.testsupport;

import dev.go4j.Go;
import dev.go4j.Task;
import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.park.ParkState;
import dev.go4j.sync.WaitGroup;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The test base of go4j's own tests, after the JSR-166 TCK's {@code JSR166TestCase}: one hang guard, scaled for
 * slow machines; starting goroutines, waiting until they block, joining them. A test orders events with facts
 * ({@link #awaitBlocked(Thread, WaitReason) awaitBlocked}), never with sleeps, so {@link #TIMEOUT} only guards
 * against a hang: no passing test waits for it. When a guard gives up, its {@link AssertionError} lists every
 * goroutine with what it waits on and its stack.
 *
 * {@snippet :
 * import static dev.go4j.testsupport.GoTesting.*;
 *
 * Thread receiver = startBlocked(WaitReason.CHAN_RECEIVE, ch::receive);
 * ch.send("x"); // the receiver was certainly waiting
 * join(receiver);
 * }
 *
 * <p>Behind every test stand JUnit's default timeout and {@link HangReport}, which turn a hang that no guard
 * here catches into a failure naming what each goroutine was stuck on (see {@code junit-platform.properties}).
 * go4j-core's test-jar carries this package to the other modules' tests.
 */
public final class GoTesting {
    /**
     * The system property that scales every guard, for slow machines ({@code -Dgo4j.test.timeoutScale=2} doubles
     * them), as {@code jsr166.delay.factor} does for the TCK. JUnit's default timeout is a separate parameter:
     * raise it with {@code -Djunit.jupiter.execution.timeout.default=4m}.
     */
    public static final String SCALE_PROPERTY = "go4j.test.timeoutScale";

    /** The factor read from {@value #SCALE_PROPERTY}; 1 when it is not set. */
    public static final double SCALE = scaleFromProperty();

    /** How long a helper waits before it fails the test: 30 seconds, {@linkplain #scaled scaled}. */
    public static final Duration TIMEOUT = scaled(Duration.ofSeconds(30));

    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private GoTesting() {
    }

    /** {@code base} multiplied by {@link #SCALE}: the guard for something slower than a helper's wait. */
    public static Duration scaled(Duration base) {
        return Duration.ofNanos(Math.round(base.toNanos() * SCALE));
    }

    /** Starts {@code task} as a goroutine ({@link Go#go}) and returns its thread. */
    public static Thread start(Task task) {
        return start(Go::go, task);
    }

    /** Starts {@code task} as a goroutine of {@code group} ({@link WaitGroup#go}) and returns its thread. */
    public static Thread start(WaitGroup group, Task task) {
        return start(group::go, task);
    }

    private static Thread start(Consumer<Task> go, Task task) {
        var thread = new CompletableFuture<Thread>();
        go.accept(() -> {
            thread.complete(Thread.currentThread());
            task.run();
        });
        return await(thread);
    }

    /** Starts {@code task} as a goroutine and returns its thread once it is blocked with {@code reason}. */
    public static Thread startBlocked(WaitReason reason, Task task) {
        Thread thread = start(task);
        awaitBlocked(thread, reason);
        return thread;
    }

    /** Waits until {@code thread} is blocked in a go4j operation with {@code reason}. */
    public static void awaitBlocked(Thread thread, WaitReason reason) {
        if (!ParkState.awaitBlocked(thread, reason, TIMEOUT)) {
            throw new AssertionError("not blocked in [" + reason + "] within " + TIMEOUT + ": "
                    + ParkState.describe(thread) + "\n" + GoroutineDump.of(null));
        }
    }

    /** Waits until at least {@code count} goroutines are blocked on {@code primitive} with {@code reason}. */
    public static void awaitBlocked(Object primitive, WaitReason reason, int count) {
        if (!ParkState.awaitBlocked(primitive, reason, count, TIMEOUT)) {
            throw new AssertionError("not " + count + " blocked in [" + reason + "] on " + primitive + " within "
                    + TIMEOUT + "\n" + GoroutineDump.of(null));
        }
    }

    /** Joins {@code thread}, failing with what it waits on if it has not ended within {@link #TIMEOUT}. */
    public static void join(Thread thread) {
        try {
            if (!thread.join(TIMEOUT)) {
                throw new AssertionError(thread.getName() + " did not finish within " + TIMEOUT + ": "
                        + ParkState.describe(thread) + "\n" + GoroutineDump.of(null));
            }
        } catch (InterruptedException e) {
            throw interrupted("joining " + thread.getName(), e);
        }
    }

    /** Waits until {@code latch} is released. */
    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError(latch + " not released within " + TIMEOUT + "\n" + GoroutineDump.of(null));
            }
        } catch (InterruptedException e) {
            throw interrupted("waiting for " + latch, e);
        }
    }

    /** Waits for {@code future}'s value; fails if it does not come, or comes as an exception. */
    public static <T> T await(Future<T> future) {
        try {
            return future.get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + TIMEOUT + "\n" + GoroutineDump.of(null));
        } catch (ExecutionException e) {
            throw new AssertionError("completed with an exception", e.getCause());
        } catch (InterruptedException e) {
            throw interrupted("waiting for a result", e);
        }
    }

    /**
     * Polls {@code condition} until it holds, for conditions no wait reason shows (a counter, a queue's state).
     *
     * @param what the condition, for the failure message
     */
    public static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what + "\n"
                        + GoroutineDump.of(null));
            }
            try {
                TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
            } catch (InterruptedException e) {
                throw interrupted("waiting for " + what, e);
            }
        }
    }

    /** Returns once go4j's clock has moved more than {@code nanos} past the moment of the call. */
    public static void letClockPass(long nanos) {
        Clock clock = Clock.current();
        long start = clock.nanoTime();
        while (clock.nanoTime() - start <= nanos) {
            Thread.onSpinWait();
        }
    }

    /** Keeps the interrupt status (JUnit's timeout may have sent it) and fails. */
    private static AssertionError interrupted(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new AssertionError("interrupted while " + what, e);
    }

    private static double scaleFromProperty() {
        String value = System.getProperty(SCALE_PROPERTY, "1");
        double scale;
        try {
            scale = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            scale = Double.NaN;
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException(SCALE_PROPERTY + " must be a positive number, was \"" + value + "\"");
        }
        return scale;
    }
}
