package dev.go4j;

import dev.go4j.internal.chan.Channel;
import dev.go4j.internal.chan.Chans;
import dev.go4j.internal.chan.ReceiveOutcome;
import dev.go4j.internal.park.Park;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
 * {@snippet :
 * Chan<String> messages = Chan.make();
 * go(() -> messages.send("ping"));
 * System.out.println(messages.receive()); // ping
 * }
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
 * @param <T> the element type; {@code null} is a legal element
 */
public final class Chan<T> implements SendChan<T>, ReceiveChan<T> {
    private static final Chan<?> NIL = new Chan<>();

    static {
        Chans.install(new Chans.Access() {
            @Override
            public <E> Chan<E> newTimerChan(Object attachment) {
                return new Chan<>(attachment);
            }

            @Override
            public <E> Channel<E> core(Chan<E> ch) {
                return ch.channel;
            }
        });
    }

    /** The core; null for the nil channel. */
    final Channel<T> channel;

    private Chan() {
        this.channel = null;
    }

    private Chan(int capacity, T zero) {
        this.channel = new Channel<>(this, capacity, zero);
    }

    /** A timer channel (see {@link Chans.Access#newTimerChan}). */
    private Chan(Object attachment) {
        this.channel = new Channel<>(this, 1, null, true, attachment);
    }

    /**
     * Makes an unbuffered channel, Go's {@code make(chan T)}.
     *
     * @param <T> the element type
     * @return a new channel
     */
    public static <T> Chan<T> make() {
        return new Chan<>(0, null);
    }

    /**
     * Makes a channel with a buffer of {@code capacity} elements, Go's {@code make(chan T, n)}; 0 is unbuffered.
     *
     * <p>The buffer is one array, allocated now: a capacity that no Java array can hold (above
     * {@code Integer.MAX_VALUE - 8}, the longest array every JVM can allocate) is Go's run-time panic
     * {@code makechan: size out of range}, and a capacity that fits an array but not the heap is an
     * {@link OutOfMemoryError} (Go's fatal out-of-memory). So Go's idiom of a huge {@code chan struct{}} as a
     * counting semaphore ({@code make(chan struct{}, 1<<40)}, which costs Go nothing because empty elements take
     * no space) is not supported: a {@code Chan<Empty>} of capacity n costs one
     * reference per slot. Use {@link dev.go4j.semaphore.Weighted} for large counts.
     *
     * @param capacity the buffer size
     * @param <T> the element type
     * @return a new channel
     * @throws RuntimeError {@code makechan: size out of range} if {@code capacity} is negative or above
     *     {@code Integer.MAX_VALUE - 8}
     */
    public static <T> Chan<T> make(int capacity) {
        return new Chan<>(capacity, null);
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
    public static <T> Chan<T> make(int capacity, T zero) {
        return new Chan<>(capacity, zero);
    }

    /**
     * Returns the nil channel: sends and receives block forever (until interrupted), {@code close} panics, and a
     * select case on it is never ready.
     *
     * @param <T> the element type
     * @return the nil channel
     */
    @SuppressWarnings("unchecked")
    public static <T> Chan<T> nil() {
        return (Chan<T>) NIL;
    }

    /**
     * Returns true for the nil channel, Go's {@code ch == nil}.
     *
     * @return true if this is {@link #nil()}
     */
    @Override
    public boolean isNil() {
        return channel == null;
    }

    @Override
    public void send(T value) {
        if (channel == null) {
            throw Park.parkForever(WaitReason.CHAN_SEND_NIL_CHAN, this);
        }
        channel.send(value, true);
    }

    @Override
    public boolean trySend(T value) {
        return channel != null && channel.send(value, false);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T receive() {
        if (channel == null) {
            throw Park.parkForever(WaitReason.CHAN_RECEIVE_NIL_CHAN, this);
        }
        return channel.receive(true, (ReceiveOutcome<T, T>) (ReceiveOutcome<?, ?>) Outcomes.VALUE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Received<T> receiveOk() {
        if (channel == null) {
            throw Park.parkForever(WaitReason.CHAN_RECEIVE_NIL_CHAN, this);
        }
        return channel.receive(true, (ReceiveOutcome<T, Received<T>>) (ReceiveOutcome<?, ?>) Outcomes.RECEIVED);
    }

    @Override
    @SuppressWarnings("unchecked")
    public TryReceive<T> tryReceive() {
        if (channel == null) {
            return (TryReceive<T>) Outcomes.WOULD_BLOCK;
        }
        return channel.receive(false, (ReceiveOutcome<T, TryReceive<T>>) (ReceiveOutcome<?, ?>) Outcomes.TRY);
    }

    @Override
    public void close() {
        if (channel == null) {
            throw new RuntimeError("close of nil channel");
        }
        channel.close();
    }

    @Override
    public int len() {
        return channel == null ? 0 : channel.len();
    }

    @Override
    public int cap() {
        return channel == null ? 0 : channel.cap();
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            /** The next receive's result, fetched by hasNext; stays at the closed result once seen. */
            private Received<T> pending;

            @Override
            public boolean hasNext() {
                if (pending == null) {
                    pending = receiveOk();
                }
                return pending.ok();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("channel closed");
                }
                T value = pending.value();
                pending = null;
                return value;
            }
        };
    }

    @Override
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    @Override
    public String toString() {
        return channel == null ? "chan(nil)" : "chan@" + Integer.toHexString(System.identityHashCode(this))
                + "[len=" + channel.len() + ", cap=" + channel.cap() + "]";
    }

    /**
     * Returns a channel that delivers the outcome of {@code stage} once it completes, so that a
     * {@link java.util.concurrent.CompletableFuture} or any other {@link CompletionStage} can be waited for in a
     * {@link Select select} next to channels. The channel receives exactly one element, {@link Result.Ok} with the
     * value or {@link Result.Err} with the failure, and is then closed: later receives return {@code null} with
     * {@code ok == false}. A failure wrapped in a {@link CompletionException} is unwrapped to its cause; a
     * cancelled stage gives {@code Err} with its {@link java.util.concurrent.CancellationException}.
     *
     * {@snippet :
     * import static dev.go4j.Select.*;
     *
     * CompletableFuture<String> price = CompletableFuture.supplyAsync(() -> quote("GO4J"), Go.executor());
     * select(
     *     onReceive(Chan.fromStage(price), r -> {
     *         switch (r) {
     *             case Result.Ok<String>(var quote) -> System.out.println("price: " + quote);
     *             case Result.Err<String>(var error) -> System.out.println("no price: " + error);
     *         }
     *     }),
     *     onReceive(quit, ignored -> price.cancel(false)));
     * }
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
    public static <T> ReceiveChan<Result<T>> fromStage(CompletionStage<T> stage) {
        Objects.requireNonNull(stage, "stage");
        Chan<Result<T>> result = make(1);
        stage.whenComplete((value, failure) -> {
            // The buffer has room for this one element and nobody else sends, so trySend always succeeds.
            result.trySend(failure == null ? Result.ok(value)
                    : Result.err(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure));
            result.close();
        });
        return result;
    }

    /** The three ways a receive reports, shared by all channels (they hold no state). */
    private static final class Outcomes {
        static final TryReceive<?> WOULD_BLOCK = new TryReceive.WouldBlock<>();
        static final TryReceive<?> CLOSED = new TryReceive.Closed<>();

        static final ReceiveOutcome<Object, Object> VALUE = new ReceiveOutcome<>() {
            @Override
            public Object value(Object value) {
                return value;
            }

            @Override
            public Object closed(Object zero) {
                return zero;
            }

            @Override
            public Object wouldBlock() {
                throw new AssertionError("a blocking receive cannot report would-block");
            }
        };

        static final ReceiveOutcome<Object, Received<Object>> RECEIVED = new ReceiveOutcome<>() {
            @Override
            public Received<Object> value(Object value) {
                return new Received<>(value, true);
            }

            @Override
            public Received<Object> closed(Object zero) {
                return new Received<>(zero, false);
            }

            @Override
            public Received<Object> wouldBlock() {
                throw new AssertionError("a blocking receive cannot report would-block");
            }
        };

        @SuppressWarnings("unchecked")
        static final ReceiveOutcome<Object, TryReceive<Object>> TRY = new ReceiveOutcome<>() {
            @Override
            public TryReceive<Object> value(Object value) {
                return new TryReceive.Value<>(value);
            }

            @Override
            public TryReceive<Object> closed(Object zero) {
                return (TryReceive<Object>) CLOSED;
            }

            @Override
            public TryReceive<Object> wouldBlock() {
                return (TryReceive<Object>) WOULD_BLOCK;
            }
        };
    }
}
