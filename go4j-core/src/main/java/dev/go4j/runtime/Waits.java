package dev.go4j.runtime;

import dev.go4j.Interrupted;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.ParkState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What goroutines are blocked on, as go4j's park path records it: the facts behind go4j-testing's
 * {@code Goroutines.awaitBlocked} and behind the wait reasons of a {@linkplain dev.go4j.Go#dump goroutine dump}.
 *
 * <p>Every go4j blocking operation records its {@link WaitReason} and the primitive it waits on (a channel, a
 * {@code WaitGroup}, a mutex…) before it parks, and clears them when it wakes. A thread counts as <em>blocked in
 * {@code reason}</em> when it has recorded {@code reason} and is parked (its state is {@code WAITING} or
 * {@code TIMED_WAITING}), so a goroutine that has recorded a wait but not yet parked does not count. A goroutine
 * blocked in a {@code select} counts as blocked on each of its channels, with reason {@link WaitReason#SELECT}.
 * Threads go4j did not start count too while they wait in a go4j operation.
 *
 * {@snippet file="RuntimeSnippets.java" region="waits"}
 *
 * <p>Every answer is a snapshot: it is exact while the goroutines stay parked, as a goroutine blocked with nobody to
 * wake it does. The waiting methods poll in real time, whatever clock the goroutines run on, and see a condition
 * that holds within about a millisecond.
 */
public final class Waits {
    private Waits() {
    }

    /**
     * Returns whether {@code thread} is blocked in a go4j operation with wait reason {@code reason} right now.
     *
     * @param thread a goroutine's thread, or any thread that uses go4j
     * @param reason the wait reason
     * @return true if it has recorded {@code reason} and is parked
     */
    public static boolean isBlocked(Thread thread, WaitReason reason) {
        return ParkState.isBlocked(Objects.requireNonNull(thread, "thread"), Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Returns how many threads are blocked on {@code primitive} with wait reason {@code reason} right now.
     *
     * @param primitive the go4j object they wait on: a channel, a {@code WaitGroup}, a mutex…
     * @param reason the wait reason
     * @return the number of goroutines (and other threads) parked there
     */
    public static int countBlocked(Object primitive, WaitReason reason) {
        return ParkState.countBlocked(Objects.requireNonNull(primitive, "primitive"),
                Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Returns the threads blocked on {@code primitive} with wait reason {@code reason} right now.
     *
     * @param primitive the go4j object they wait on
     * @param reason the wait reason
     * @return an immutable snapshot of their threads, in no particular order
     */
    public static List<Thread> blockedOn(Object primitive, WaitReason reason) {
        return List.copyOf(ParkState.blockedOn(Objects.requireNonNull(primitive, "primitive"),
                Objects.requireNonNull(reason, "reason")));
    }

    /**
     * Waits until {@code thread} is blocked in a go4j operation with wait reason {@code reason}.
     *
     * @param thread a goroutine's thread, or any thread that uses go4j
     * @param reason the wait reason to wait for
     * @param timeout how long to wait at most, in real time
     * @return true once it is blocked so; false if {@code timeout} passed first, or the thread terminated first
     * @throws Interrupted if the calling thread is interrupted while it waits
     */
    public static boolean awaitBlocked(Thread thread, WaitReason reason, Duration timeout) {
        return ParkState.awaitBlocked(Objects.requireNonNull(thread, "thread"),
                Objects.requireNonNull(reason, "reason"), Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Waits until at least {@code count} threads are blocked on {@code primitive} with wait reason
     * {@code reason}.
     *
     * @param primitive the go4j object they wait on
     * @param reason the wait reason to wait for
     * @param count how many blocked threads to wait for, at least 1
     * @param timeout how long to wait at most, in real time
     * @return true once there are that many; false if {@code timeout} passed first
     * @throws IllegalArgumentException if {@code count} is less than 1
     * @throws Interrupted if the calling thread is interrupted while it waits
     */
    public static boolean awaitBlocked(Object primitive, WaitReason reason, int count, Duration timeout) {
        return ParkState.awaitBlocked(Objects.requireNonNull(primitive, "primitive"),
                Objects.requireNonNull(reason, "reason"), count, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Describes what {@code thread} has recorded, for failure messages: its name, its goroutine id and wait reason
     * if it has one, what it waits on and its thread state, as in
     * {@code "goroutine 7: goroutine 7 [chan receive] on chan@1b6d3586[len=0, cap=0], thread state WAITING"}.
     * The format may change; tools should not parse it.
     *
     * @param thread any thread
     * @return one line
     */
    public static String describe(Thread thread) {
        return ParkState.describe(Objects.requireNonNull(thread, "thread"));
    }

    /**
     * Describes every thread that has a go4j wait recorded right now, one line each as {@link #describe(Thread)}
     * writes them, for failure messages.
     *
     * @return an immutable list of lines, in no particular order
     */
    public static List<String> describeWaiting() {
        return List.copyOf(ParkState.describeWaiting());
    }
}
