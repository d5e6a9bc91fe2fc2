package dev.go4j;

import org.jspecify.annotations.Nullable;

/**
 * The result of a non-blocking receive, {@link ReceiveChan#tryReceive()}: Go's
 * {@code select { case v, ok := <-ch: …; default: … }} as a value.
 *
 * {@snippet file="ChanSnippets.java" region="try-receive"}
 *
 * @param <T> the element type
 */
public sealed interface TryReceive<T extends @Nullable Object> {

    /**
     * A value was received.
     *
     * @param value the value, which may be null
     * @param <T> the element type
     */
    record Value<T extends @Nullable Object>(T value) implements TryReceive<T> {
    }

    /**
     * The channel is closed and drained.
     *
     * @param <T> the element type
     */
    record Closed<T extends @Nullable Object>() implements TryReceive<T> {
    }

    /**
     * Nothing could be received without waiting.
     *
     * @param <T> the element type
     */
    record WouldBlock<T extends @Nullable Object>() implements TryReceive<T> {
    }
}
