package dev.go4j.internal.chan;

import dev.go4j.Chan;
import java.lang.reflect.Field;

/** Test access to a channel's core: how many waiting operations its queues hold. */
public final class ChannelProbe {
    private ChannelProbe() {
    }

    /** Sudogs queued on {@code ch}, live or dead; 0 when nobody waits and nothing was left behind. */
    public static int queuedWaiters(Chan<?> ch) {
        return core(ch).queuedWaiters();
    }

    /** Elements really buffered in {@code ch}, including the hidden slot of a timer channel. */
    public static int buffered(Object ch) {
        return core((Chan<?>) ch).buffered();
    }

    /** The core of {@code ch}. */
    public static Channel<?> core(Chan<?> ch) {
        try {
            Field field = Chan.class.getDeclaredField("channel");
            field.setAccessible(true);
            return (Channel<?>) field.get(ch);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
