package dev.go4j.internal.chan;

/**
 * Test access to a channel's core: how many waiting operations its queues hold, what its buffer holds; its lock,
 * held as an operation in progress holds it.
 */
public final class ChannelProbe {
    private ChannelProbe() {
    }

    /** Sudogs queued on {@code ch}, live or dead; 0 when nobody waits and nothing was left behind. */
    public static int queuedWaiters(Object ch) {
        return ((Channel<?>) ch).queuedWaiters();
    }

    /** Elements really buffered in {@code ch}, including the hidden slot of a timer channel. */
    public static int buffered(Object ch) {
        return ((Channel<?>) ch).buffered();
    }

    /** Takes {@code ch}'s lock, as an operation in progress on another thread would hold it. */
    public static void lock(Object ch) {
        ((Channel<?>) ch).lock.lock();
    }

    /** Releases the lock {@link #lock} took. */
    public static void unlock(Object ch) {
        ((Channel<?>) ch).lock.unlock();
    }
}
