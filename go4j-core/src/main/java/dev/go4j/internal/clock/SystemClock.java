package dev.go4j.internal.clock;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The real clock: System.nanoTime for deadlines, Instant.now for wall time, LockSupport.parkNanos for timed
 * parking. Scheduled actions run on the one thread of a TimerQueue (see its notes; a cancelled entry leaves at
 * once, and arming a timer wakes that thread only when the timer is due before its planned wake-up). Actions must
 * be short: they wake goroutines, they never block. The queue and its thread are created on first use, by the
 * holder idiom, so programs that never schedule pay nothing.
 */
final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Cancellable schedule(long deadlineNanos, Runnable action) {
        return Timers.QUEUE.schedule(deadlineNanos, action);
    }

    @Override
    public int pendingScheduled() {
        return Timers.QUEUE.size();
    }

    @Override
    public void parkUntil(Object blocker, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            LockSupport.parkNanos(blocker, remaining);
        }
    }

    /** Holder of the timer queue and its thread, created on first use. */
    private static final class Timers {
        static final TimerQueue QUEUE = new TimerQueue();
    }
}
