package dev.go4j.internal.park;

import java.util.List;

/** A primitive that may carry a debug name for goroutine dumps (a channel made with {@code named}). */
public interface DebugNamed {
    /** The debug name, or null if it has none. */
    String debugName();

    /**
     * The debug names of what {@code primitive} is or waits on, for dumps and JFR events: a named channel's name,
     * the named channels of a select ({@link Blocker}); empty for anything else, null included.
     */
    static List<String> namesOf(Object primitive) {
        if (primitive instanceof Blocker blocker) {
            return blocker.debugNames();
        }
        if (primitive instanceof DebugNamed named && named.debugName() != null) {
            return List.of(named.debugName());
        }
        return List.of();
    }
}
