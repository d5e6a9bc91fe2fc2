package dev.go4j.internal.chan;

import dev.go4j.Chan;
import java.util.Objects;

/**
 * The bridge from go4j's other packages to what {@link Chan} keeps private: its core, and channels with the
 * special features timers need. {@code Chan} installs the {@link Access} when it is initialised (the JDK's
 * "shared secrets" pattern), so that the public class needs no public hooks.
 */
public final class Chans {
    /** What {@link Chan} lets go4j's internals do. */
    public interface Access {
        /** A timer channel: one hidden buffer slot, len and cap 0, keeping {@code attachment} alive. */
        <T> Chan<T> newTimerChan(Object attachment);

        /** The core of {@code ch}, or null for the nil channel. */
        <T> Channel<T> core(Chan<T> ch);
    }

    private static volatile Access access;

    private Chans() {
    }

    /** Installed once by {@link Chan}'s static initialiser. */
    public static void install(Access chanAccess) {
        if (access != null) {
            throw new IllegalStateException("Chan access installed twice");
        }
        access = Objects.requireNonNull(chanAccess);
    }

    /** The access, initialising {@link Chan} first if needed. */
    public static Access access() {
        Access installed = access;
        if (installed == null) {
            Chan.nil(); // runs Chan's static initialiser, which installs the access
            installed = access;
        }
        return installed;
    }
}
