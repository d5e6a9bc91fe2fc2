package dev.go4j.internal.park;

import dev.go4j.WaitReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Read-only view of what goroutines are blocked on, and the polling behind go4j-testing's
 * {@code Goroutines.awaitBlocked} (this package is exported only to the go4j-testing module; go4j-core's own tests
 * call it directly).
 *
 * <p>Timeouts here are real time on purpose: they guard tests against hanging, even when the test kit runs the
 * goroutines on a fake clock.
 */
public final class ParkState {
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private ParkState() {
    }

    /**
     * Waits until {@code thread} is blocked with {@code reason}.
     *
     * @throws AssertionError on timeout, or if the thread terminates first
     */
    public static void awaitBlocked(Thread thread, WaitReason reason, Duration timeout) {
        poll(() -> {
                    if (thread.getState() == Thread.State.TERMINATED) {
                        throw new AssertionError(thread.getName() + " terminated before it blocked in [" + reason
                                + "]");
                    }
                    return isBlocked(thread, reason);
                },
                timeout,
                () -> thread.getName() + " did not block in [" + reason + "] within " + timeout + "; now: "
                        + describe(thread));
    }

    /**
     * Waits until at least {@code count} goroutines are blocked on {@code primitive} with {@code reason}.
     *
     * @throws AssertionError on timeout
     */
    public static void awaitBlocked(Object primitive, WaitReason reason, int count, Duration timeout) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        poll(() -> countBlocked(primitive, reason) >= count,
                timeout,
                () -> "fewer than " + count + " goroutines blocked in [" + reason + "] on " + primitive
                        + " within " + timeout + " (" + countBlocked(primitive, reason)
                        + " now); waiting: " + describeWaiting());
    }

    private static void poll(BooleanSupplier condition, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(failure.get());
            }
            try {
                TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }

    /** True if {@code thread} is parked in the park path with {@code reason}. */
    public static boolean isBlocked(Thread thread, WaitReason reason) {
        G g = G.of(thread);
        return g != null && g.waitReason() == reason && g.isBlocked();
    }

    /**
     * How many goroutines (and foreign threads) are parked on {@code primitive} with {@code reason}; a select
     * counts as parked on each of its channels.
     */
    public static int countBlocked(Object primitive, WaitReason reason) {
        int count = 0;
        return blockedOn(primitive, reason).size();
    }

    /**
     * The threads parked on {@code primitive} with {@code reason} (goroutines and foreign threads), a snapshot; a
     * select counts as parked on each of its channels.
     */
    public static List<Thread> blockedOn(Object primitive, WaitReason reason) {
        List<Thread> threads = new ArrayList<>();
        for (G g : G.all()) {
            Thread thread = g.thread();
            if (thread != null && g.waitsOn(primitive) && g.waitReason() == reason && g.isBlocked()) {
                threads.add(thread);
            }
        }
        return threads;
    }

    /** One line per goroutine that has a wait reason recorded, for failure messages. */
    public static List<String> describeWaiting() {
        List<String> lines = new ArrayList<>();
        for (G g : G.all()) {
            WaitReason reason = g.waitReason();
            Thread thread = g.thread();
            if (reason != null && thread != null) {
                lines.add(g + " on " + g.waitingOn() + ", thread state " + thread.getState());
            }
        }
        return lines;
    }

    /** What {@code thread} has recorded, for failure messages. */
    public static String describe(Thread thread) {
        G g = G.of(thread);
        String recorded = g == null ? "no go4j wait recorded" : g + " on " + g.waitingOn();
        return thread.getName() + ": " + recorded + ", thread state " + thread.getState();
    }
}
