package dev.go4j.internal.clock;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The real clock: System.nanoTime for deadlines, Instant.now for wall time, LockSupport.parkNanos for timed
 * parking. Scheduled actions run on one daemon platform thread of a ScheduledThreadPoolExecutor with the
 * remove-on-cancel policy, so that a cancelled entry leaves the queue at once instead of at its deadline (timers
 * are stopped far more often than they fire). Actions must be short: they wake goroutines, they never block.
 * The executor is created on first use, by the holder idiom, so programs that never schedule pay nothing.
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
        long delay = deadlineNanos - System.nanoTime();
        ScheduledFuture<?> future = Timers.EXECUTOR.schedule(action, Math.max(0, delay), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public int pendingScheduled() {
        return Timers.EXECUTOR.getQueue().size();
    }

    @Override
    public void parkUntil(Object blocker, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            LockSupport.parkNanos(blocker, remaining);
        }
    }

    /** Holder of the timer thread, created on first use. */
    private static final class Timers {
        static final ScheduledThreadPoolExecutor EXECUTOR = newExecutor();

        private static ScheduledThreadPoolExecutor newExecutor() {
            var executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "go4j-clock");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            return executor;
        }
    }
}
