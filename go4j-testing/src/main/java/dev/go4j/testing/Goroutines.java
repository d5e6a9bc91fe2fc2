package dev.go4j.testing;

import dev.go4j.Interrupted;
import dev.go4j.WaitReason;
import dev.go4j.runtime.Waits;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Waits, in tests, until goroutines are really blocked in a given go4j operation, so that a test orders events
 * with facts instead of sleeps. A goroutine counts as blocked when it has recorded a {@link WaitReason} on go4j's
 * park path and its thread is parked ({@code WAITING} or {@code TIMED_WAITING}).
 *
 * {@snippet file="TestingSnippets.java" region="goroutines"}
 *
 * <p>The timeout is only a safety net against a hung test: a condition that holds is seen within about a
 * millisecond. On timeout the {@link AssertionError} lists what every goroutine was waiting on. These methods are
 * the test-side face of {@link Waits}, go4j-core's supported API for the same facts.
 */
public final class Goroutines {
    private Goroutines() {
    }

    /**
     * Waits until {@code thread} is blocked in a go4j operation with wait reason {@code reason}.
     *
     * @param thread a goroutine's thread, or any thread that uses go4j
     * @param reason the wait reason to wait for
     * @param timeout how long to wait at most
     * @throws AssertionError if it does not happen within {@code timeout}, or the thread terminates first, or
     *     the calling thread is interrupted (its interrupt status is set again)
     */
    public static void awaitBlocked(Thread thread, WaitReason reason, Duration timeout) {
        if (!awaitOrFail(() -> Waits.awaitBlocked(thread, reason, timeout))) {
            String what = thread.getState() == Thread.State.TERMINATED ? " terminated before it blocked in ["
                    : " did not block in [";
            throw new AssertionError(thread.getName() + what + reason + "] within " + timeout + "; now: "
                    + Waits.describe(thread));
        }
    }

    /**
     * Waits until at least {@code count} goroutines are blocked on {@code primitive} (a channel, a WaitGroup, a
     * mutex…) with wait reason {@code reason}. A goroutine blocked in a select counts as blocked on each of its
     * channels, with reason {@link WaitReason#SELECT}.
     *
     * @param primitive the go4j object they wait on
     * @param reason the wait reason to wait for
     * @param count how many blocked goroutines to wait for, at least 1
     * @param timeout how long to wait at most
     * @throws AssertionError if it does not happen within {@code timeout}, or the calling thread is interrupted
     *     (its interrupt status is set again)
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public static void awaitBlocked(Object primitive, WaitReason reason, int count, Duration timeout) {
        if (!awaitOrFail(() -> Waits.awaitBlocked(primitive, reason, count, timeout))) {
            throw new AssertionError("fewer than " + count + " goroutines blocked in [" + reason + "] on " + primitive
                    + " within " + timeout + " (" + Waits.countBlocked(primitive, reason) + " now); waiting: "
                    + Waits.describeWaiting());
        }
    }

    /** Runs a wait of {@link Waits}; an interrupt fails the test, as a hang would. */
    private static boolean awaitOrFail(BooleanSupplier wait) {
        try {
            return wait.getAsBoolean();
        } catch (Interrupted e) {
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    /**
     * Returns how many goroutines are blocked on {@code primitive} with {@code reason} right now.
     *
     * @param primitive the go4j object they wait on
     * @param reason the wait reason
     * @return the number of goroutines parked there now
     */
    public static int countBlocked(Object primitive, WaitReason reason) {
        return Waits.countBlocked(primitive, reason);
    }

    /**
     * Returns the threads of the goroutines blocked on {@code primitive} with {@code reason} right now, for a test
     * that has to clean up goroutines it left blocked on purpose: interrupt them, then join them.
     *
     * {@snippet file="TestingSnippets.java" region="blocked-on"}
     *
     * @param primitive the go4j object they wait on
     * @param reason the wait reason
     * @return a snapshot of their threads, in no particular order
     */
    public static List<Thread> blockedOn(Object primitive, WaitReason reason) {
        return Waits.blockedOn(primitive, reason);
    }
}
