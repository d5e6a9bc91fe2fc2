package dev.go4j.internal.time;

import dev.go4j.ReceiveChan;
import dev.go4j.internal.chan.Channel;
import java.lang.reflect.Field;

/** Test access to the real-time timer heap. */
public final class TimerProbe {
    private TimerProbe() {
    }

    /**
     * Whether the timer that feeds {@code timerChannel} (a timer's or ticker's {@code c()}) is in its heap, zombie
     * or not: a heaped timer refers to its channel, so to the goroutines waiting on it. A stopped timer stays in
     * the heap, a zombie, until the heap's runner reaches its due time.
     */
    public static boolean heaped(ReceiveChan<?> timerChannel) {
        try {
            Field timer = Channel.class.getDeclaredField("timer");
            timer.setAccessible(true);
            Field heapIndex = TimerCore.class.getDeclaredField("heapIndex");
            heapIndex.setAccessible(true); // a racy read through reflection, fresh at every call
            return heapIndex.getInt(timer.get(timerChannel)) >= 0;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
