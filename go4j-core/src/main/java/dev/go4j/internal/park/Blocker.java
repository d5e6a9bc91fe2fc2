package dev.go4j.internal.park;

import java.util.List;

/**
 * What a goroutine parks on when it waits on several primitives at once (a select on several channels): recorded
 * as its wait primitive, so that {@code awaitBlocked(channel, …)} counts it as waiting on each of them, and JDK
 * thread dumps name it as the blocker.
 */
public interface Blocker {
    /** True if the goroutine waits on {@code primitive} (identity). */
    boolean waitsOn(Object primitive);

    /** The debug names of the primitives it waits on that have one ({@link DebugNamed}), for dumps. */
    List<String> debugNames();
}
