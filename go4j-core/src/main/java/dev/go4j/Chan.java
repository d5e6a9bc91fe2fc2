package dev.go4j;

import dev.go4j.internal.chan.Channel;
import dev.go4j.internal.chan.ReceiveOnlyChannel;
import dev.go4j.internal.park.Quiescence;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A channel, Go's {@code chan T}: goroutines send values into it and receive them, in order, with Go's
 * semantics.
 *
 * <ul>
 *   <li>{@link #make()} makes an unbuffered channel: a send completes only when a receiver takes the value.
 *   <li>{@link #make(int)} makes a buffered channel: sends wait only when the buffer is full, receives only when
 *       it is empty. {@link #make(int, Object)} also sets the zero value that a closed, drained channel yields
 *       ({@code null} otherwise), so a {@code Chan<Integer>} can answer {@code 0} as in Go.
 *   <li>{@link #nil()} is the nil channel: sends and receives block forever, select cases on it are never ready.
 * </ul>
 *
 * {@snippet file="ChanSnippets.java" region="chan"}
 *
 * <p>Memory consistency (Go's memory model): a send happens-before the matching receive completes; closing a
 * channel happens-before a receive that returns because the channel is closed; a receive from an unbuffered
 * channel happens-before the matching send completes; the k-th receive on a channel of capacity C happens-before
 * the (k+C)-th send completes.
 *
 * <p>Deviations from Go: a blocking operation interrupted by {@link Thread#interrupt()} throws
 * {@link Interrupted} without effect (see that class for the rules); the zero value of a channel's element type
 * is {@code null} unless given to {@code make}. {@code Chan} is not {@link AutoCloseable}: in Go only the sender
 * closes, and only when receivers need to know.
 *
 * <p>{@code Chan} is a sealed interface, like {@link SendChan} and {@link ReceiveChan}, with go4j's channel as its
 * one implementation: only {@link #make()} and its overloads make channels. Receive-only channels that go4j hands
 * out (a timer's, a context's {@code done()}) are {@link ReceiveChan}s and not {@code Chan}s, so, as in Go, they
 * cannot be sent to or closed even through a cast.
 *
 * @param <T> the element type, which may be a nullable type ({@code Chan<@Nullable Throwable>}): {@code null} is a
 *     legal element
 */
public sealed interface Chan<T extends @Nullable Object> extends SendChan<T>, ReceiveChan<T>
        permits dev.go4j.internal.chan.SendReceiveChannel {

    /**
     * Makes an unbuffered channel, Go's {@code make(chan T)}.
     *
     * @param <T> the element type
     * @return a new channel
     */
    static <T extends @Nullable Object> Chan<T> make() {
        return Channel.make(0, null);
    }

    /**
     * Makes a channel with a buffer of {@code capacity} elements, Go's {@code make(chan T, n)}; 0 is unbuffered.
     *
     * <p>The buffer is one array, allocated now: a capacity that no Java array can hold (above
     * {@code Integer.MAX_VALUE - 8}, the longest array every JVM can allocate) is Go's run-time panic
     * {@code makechan: size out of range}, and a capacity that fits an array but not the heap is an
     * {@link OutOfMemoryError} (Go's fatal out-of-memory). So Go's idiom of a huge {@code chan struct{}} as a
     * counting semaphore ({@code make(chan struct{}, 1<<40)}, which costs Go nothing because empty elements take
     * no space) is not supported: a {@code Chan<Empty>} of capacity n costs one reference per slot. Use
     * {@link dev.go4j.semaphore.Weighted} for large counts.
     *
     * @param capacity the buffer size
     * @param <T> the element type
     * @return a new channel
     * @throws RuntimeError {@code makechan: size out of range} if {@code capacity} is negative or above
     *     {@code Integer.MAX_VALUE - 8}
     */
    static <T extends @Nullable Object> Chan<T> make(int capacity) {
        return Channel.make(capacity, null);
    }

    /**
     * Makes a channel with a buffer of {@code capacity} elements whose receives return {@code zero} once it is
     * closed and drained (Go's zero value of the element type).
     *
     * @param capacity the buffer size
     * @param zero the zero value, which may be null
     * @param <T> the element type
     * @return a new channel
     * @throws RuntimeError {@code makechan: size out of range} if {@code capacity} is negative or above
     *     {@code Integer.MAX_VALUE - 8} (see {@link #make(int)})
     */
    static <T extends @Nullable Object> Chan<T> make(int capacity, @Nullable T zero) {
        return Channel.make(capacity, zero);
    }

    /**
     * Returns the nil channel: sends and receives block forever (until interrupted), {@code close} panics, and a
     * select case on it is never ready.
     *
     * @param <T> the element type
     * @return the nil channel
     */
    static <T extends @Nullable Object> Chan<T> nil() {
        return Channel.nil();
    }

    /**
     * Gives this channel a debug name and returns it, for chaining after {@code make}: goroutine dumps then show
     * the name of the channel a goroutine waits on ({@code goroutine 7 [chan receive, on "jobs"]:}), and so do
     * {@link GoroutineInfo#waitingOn()}, the channel's {@code toString()} and go4j's JFR events (field
     * {@code channel} of {@code dev.go4j.GoroutineBlocked}, {@code dev.go4j.ChannelClosed}…). A channel is named at
     * most once; the name changes nothing else.
     *
     * {@snippet file="DiagnosticsSnippets.java" region="named"}
     *
     * @param name the debug name
     * @return this channel
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if this channel has a name already, or is the nil channel
     */
    Chan<T> named(String name);

    /**
     * Returns a channel that delivers the outcome of {@code stage} once it completes, so that a
     * {@link java.util.concurrent.CompletableFuture} or any other {@link CompletionStage} can be waited for in a
     * {@link Select select} next to channels. The channel receives exactly one element, {@link Result.Ok} with the
     * value or {@link Result.Err} with the failure, and is then closed: later receives return {@code null} with
     * {@code ok == false}. A failure wrapped in a {@link CompletionException} is unwrapped to its cause; a
     * cancelled stage gives {@code Err} with its {@link java.util.concurrent.CancellationException}. With
     * {@code import static dev.go4j.Select.*;}:
     *
     * {@snippet file="ChanSnippets.java" region="from-stage"}
     *
     * <p>No goroutine waits for the stage: the thread that completes it (or this call, if it is already complete)
     * sends the result without blocking, into the channel's one-slot buffer or straight to a waiting receiver, and
     * closes the channel. Memory consistency: the completion of the stage happens-before the receive that returns
     * its result.
     *
     * @param stage the stage to wait for
     * @param <T> the type of the stage's value
     * @return a receive-only channel that yields the one result, then is closed
     * @throws NullPointerException if {@code stage} is null
     */
    static <T extends @Nullable Object> ReceiveChan<Result<T>> fromStage(CompletionStage<T> stage) {
        Objects.requireNonNull(stage, "stage");
        ReceiveOnlyChannel<Result<T>> result = Channel.receiveOnly(1);
        Quiescence.addExternalWaker(); // until the stage completes, from anywhere: no deadlock report
        stage.whenComplete((value, failure) -> {
            // The buffer has room for this one element and nobody else sends, so trySend always succeeds.
            result.trySend(failure == null ? Result.ok(value)
                    : Result.err(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure));
            result.close();
            Quiescence.removeExternalWaker();
        });
        return result;
    }
}
