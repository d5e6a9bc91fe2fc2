package dev.go4j.internal.park;

/** A primitive that may carry a debug name for goroutine dumps (a channel made with {@code named}). */
public interface DebugNamed {
    /** The debug name, or null if it has none. */
    String debugName();
}
