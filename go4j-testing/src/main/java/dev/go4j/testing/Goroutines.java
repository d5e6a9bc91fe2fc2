package dev.go4j.testing;

import dev.go4j.WaitReason;
import dev.go4j.internal.park.ParkState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Waits, in tests, until goroutines are really blocked in a given go4j operation, so that a test orders events
 * with facts instead of sleeps. A goroutine counts as blocked when it has recorded a {@link WaitReason} on go4j's
 * park path and its thread is parked ({@code WAITING} or {@code TIMED_WAITING}).
 *
 * {@snippet file="TestingSnippets.java" region="goroutines"}
 *
 * <p>The timeout is only a safety net against a hung test: a condition that holds is seen within about a
 * millisecond. On timeout the {@link AssertionError} lists what every goroutine was waiting on.
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
     * @throws AssertionError if it does not happen within {@code timeout}, or the thread terminates first
     */
    public static void awaitBlocked(Thread thread, WaitReason reason, Duration timeout) {
        ParkState.awaitBlocked(Objects.requireNonNull(thread, "thread"), Objects.requireNonNull(reason, "reason"),
                Objects.requireNonNull(timeout, "timeout"));
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
     * @throws AssertionError if it does not happen within {@code timeout}
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public static void awaitBlocked(Object primitive, WaitReason reason, int count, Duration timeout) {
        ParkState.awaitBlocked(Objects.requireNonNull(primitive, "primitive"),
                Objects.requireNonNull(reason, "reason"), count, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Returns how many goroutines are blocked on {@code primitive} with {@code reason} right now.
     *
     * @param primitive the go4j object they wait on
     * @param reason the wait reason
     * @return the number of goroutines parked there now
     */
    public static int countBlocked(Object primitive, WaitReason reason) {
        return ParkState.countBlocked(Objects.requireNonNull(primitive, "primitive"),
                Objects.requireNonNull(reason, "reason"));
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
        Objects.requireNonNull(primitive, "primitive");
        Objects.requireNonNull(reason, "reason");
        return List.copyOf(ParkState.blockedOn(primitive, reason));
    }
}
