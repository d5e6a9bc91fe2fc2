package dev.go4j;

import org.jspecify.annotations.Nullable;

/**
 * The result of Go's two-value receive {@code v, ok := <-ch}: {@code ok} is true if {@code value} was sent, false
 * if the channel is closed and drained (then {@code value} is the channel's zero value).
 *
 * {@snippet file="ChanSnippets.java" region="received"}
 *
 * @param value the value received, or the zero value
 * @param ok whether the value was sent (rather than produced by a closed channel)
 * @param <T> the element type
 */
public record Received<T extends @Nullable Object>(@Nullable T value, boolean ok) {
}
