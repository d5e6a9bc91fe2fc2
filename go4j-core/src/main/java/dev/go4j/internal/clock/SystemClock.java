package dev.go4j.internal.clock;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The real clock: System.nanoTime for deadlines, Instant.now for wall time, LockSupport.parkNanos for timed
 * parking. Its timers live in dev.go4j.internal.time.TimerHeap.real(), whose thread is made on first use.
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
    public void parkUntil(Object blocker, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            LockSupport.parkNanos(blocker, remaining);
        }
    }
}
