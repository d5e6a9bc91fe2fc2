package dev.go4j.context;

import org.jspecify.annotations.Nullable;

/**
 * A context its creator can cancel, returned by {@link Context#withCancel}, {@link Context#withTimeout} and
 * {@link Context#withDeadline}: Go's {@code ctx, cancel := context.WithCancel(parent)} in one object.
 * {@link #close()} cancels, so Go's {@code defer cancel()} becomes try-with-resources.
 *
 * {@snippet file="ContextSnippets.java" region="cancel-context"}
 */
public interface CancelContext extends Context, AutoCloseable {

    /** Cancels this context and its descendants with {@link Context#CANCELED}; later calls do nothing. */
    void cancel();

    /**
     * Cancels this context and its descendants, recording {@code cause} for {@link Context#cause(Context)}; a
     * null cause means {@link Context#CANCELED}. Later calls do nothing.
     *
     * @param cause why, or null for {@link Context#CANCELED}
     */
    void cancel(@Nullable Throwable cause);

    /** Same as {@link #cancel()}; throws nothing. */
    @Override
    void close();
}
