package dev.go4j.internal.context;

import dev.go4j.Empty;
import dev.go4j.ReceiveChan;
import java.util.concurrent.CancellationException;

/** Something that reacts when a context it is registered with is cancelled: a child context or a callback. */
interface Child {
    /**
     * The parent was cancelled with {@code err} and {@code cause}. Called without any lock held when called
     * directly; from a cancel walk, {@link CancelNode} calls {@link #collect} instead.
     */
    void parentCancelled(CancellationException err, Throwable cause);

    /**
     * Part of a cancel walk: marks this child cancelled and hands over what must still happen, without running
     * user code: its own children and callbacks go on {@code walk}.
     */
    void collect(CancellationException err, Throwable cause, CancelWalk walk);

    /** A channel closed when this child no longer needs its parent (ends a foreign parent's watcher). */
    ReceiveChan<Empty> end();
}
