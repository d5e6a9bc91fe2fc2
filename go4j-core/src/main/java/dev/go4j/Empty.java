package dev.go4j;

/**
 * Go's {@code struct{}}: a type with one value, used where only the event matters, as in {@code Chan<Empty>}
 * signal channels.
 *
 * {@snippet file="GoSnippets.java" region="empty"}
 */
public enum Empty {
    /** The only value, Go's {@code struct{}{}}. */
    VALUE
}
