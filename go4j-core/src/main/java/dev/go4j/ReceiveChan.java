package dev.go4j;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The receiving side of a channel, Go's {@code <-chan T}. APIs that only receive take
 * {@code ReceiveChan<? extends T>}; a {@link Chan} is one, so it converts implicitly, as in Go.
 *
 * <p>Ranging: {@code for (T v : ch)} is Go's {@code for v := range ch}: it receives until the channel is closed
 * and drained. The iterator receives in {@link Iterator#hasNext()}, which therefore blocks.
 *
 * {@snippet file="ChanSnippets.java" region="receive-chan"}
 *
 * <p>{@code ReceiveChan} is a sealed interface: besides {@link Chan}, only the receive-only channels that go4j hands
 * out implement it (those of timers and tickers, of {@code Context.done()} and of {@link Chan#fromStage}). Their
 * class is not a public type, so, as in Go, they cannot be sent to or closed, even through a cast.
 *
 * @param <T> the element type
 */
public sealed interface ReceiveChan<T extends @Nullable Object> extends Iterable<T>
        permits Chan, dev.go4j.internal.chan.ReceiveOnlyChannel {

    /**
     * Receives a value, waiting until one is sent or the channel is closed, Go's {@code <-ch}. On a closed,
     * drained channel returns the channel's zero value at once. Receiving from the nil channel blocks forever.
     *
     * @return the value, or the zero value if the channel is closed and drained (null unless the channel was made
     *     with a zero value, hence {@code @Nullable})
     * @throws Interrupted if interrupted while waiting; nothing is then received
     */
    @Nullable T receive();

    /**
     * Receives a value and says whether it was sent, Go's {@code v, ok := <-ch}.
     *
     * @return the value with {@code ok == true}, or the zero value with {@code ok == false} if closed and drained
     * @throws Interrupted if interrupted while waiting; nothing is then received
     */
    Received<T> receiveOk();

    /**
     * Receives only if that needs no waiting.
     *
     * @return {@code Value}, {@code Closed} (closed and drained), or {@code WouldBlock}
     */
    TryReceive<T> tryReceive();

    /**
     * Returns the number of buffered elements, Go's {@code len(ch)}; a snapshot.
     *
     * @return the number of elements in the buffer
     */
    int len();

    /**
     * Returns the buffer capacity, Go's {@code cap(ch)}; 0 for an unbuffered or nil channel.
     *
     * @return the capacity
     */
    int cap();

    /**
     * Returns true for the nil channel, Go's {@code ch == nil}: its operations block forever and select cases on
     * it are never ready. Go programs compare with nil to disable a select case or to see whether a context can
     * be cancelled ({@code ctx.done().isNil()}).
     *
     * @return true if this is the nil channel
     */
    boolean isNil();

    /**
     * Returns an iterator that receives until the channel is closed and drained; {@code hasNext()} blocks.
     *
     * @return a receiving iterator
     */
    @Override
    default Iterator<T> iterator() {
        return new Iterator<>() {
            /** The next receive's result, fetched by hasNext; stays at the closed result once seen. */
            private @Nullable Received<T> pending;

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

    /**
     * Returns a sequential stream of the values received until the channel is closed and drained. The stream
     * never closes the channel, and closing the stream does not either.
     *
     * @return a lazy, sequential, ordered stream
     */
    default Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
