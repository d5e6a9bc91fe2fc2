package dev.go4j;

import org.jspecify.annotations.Nullable;

/**
 * The sending side of a channel, Go's {@code chan<- T}. APIs that only send take {@code SendChan<? super T>}; a
 * {@link Chan} is one, so it converts implicitly, as in Go. Only the sending side can {@link #close()}.
 *
 * {@snippet file="ChanSnippets.java" region="send-chan"}
 *
 * @param <T> the element type
 */
public sealed interface SendChan<T extends @Nullable Object> permits Chan {

    /**
     * Sends {@code value}, waiting until a receiver takes it (unbuffered) or there is room in the buffer, Go's
     * {@code ch <- v}. {@code null} is a legal element. Sending to the nil channel blocks forever.
     *
     * @param value the element
     * @throws RuntimeError {@code send on closed channel}
     * @throws Interrupted if interrupted while waiting; the element is then not sent
     */
    void send(T value);

    /**
     * Sends {@code value} only if that needs no waiting, Go's {@code select { case ch <- v: default: }}.
     *
     * @param value the element
     * @return true if sent, false if the send would have to wait
     * @throws RuntimeError {@code send on closed channel}
     */
    boolean trySend(T value);

    /**
     * Closes the channel, Go's {@code close(ch)}: buffered elements still drain in order, then every receive
     * returns at once with {@code ok == false}; waiting receivers wake, waiting senders fail with
     * {@code send on closed channel}. A close happens-before every receive that returns because of it.
     *
     * @throws RuntimeError {@code close of closed channel}, or {@code close of nil channel}
     */
    void close();

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
     * Returns true for the nil channel, Go's {@code ch == nil}: sends on it block forever and select cases on it
     * are never ready.
     *
     * @return true if this is the nil channel
     */
    boolean isNil();
}
