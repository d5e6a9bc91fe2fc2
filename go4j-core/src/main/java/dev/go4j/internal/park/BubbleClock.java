package dev.go4j.internal.park;

import dev.go4j.internal.clock.Clock;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The fake clock of a synctest bubble (Go's bubble time): it starts at 2000-01-01T00:00:00Z, as Go's does, and
 * moves only when the bubble's carrier advances it (advanceTo), which it does only when every goroutine of the
 * bubble is durably blocked, straight to the next timer or timed wait.
 *
 * A timed wait on this clock (parkUntil: a sleep, a select or a channel operation with a timeout, a Mutex's
 * starvation check) never parks in real time: it records a sleeper (thread, deadline) and parks until unparked;
 * advanceTo unparks every sleeper whose deadline has come. Everything here runs on the bubble's one carrier
 * thread (bubble goroutines are mounted there when they call parkUntil; the carrier itself calls advanceTo), so the
 * sleepers queue needs no lock. nanos is also read by other threads (dumps, outsiders' timeouts): a volatile.
 */

/** A synctest bubble's fake clock; see the implementation notes. */
public final class BubbleClock implements Clock {
    /** Where bubble time starts, as in Go. */
    public static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    /** Nanoseconds since EPOCH; written by the carrier only. */
    private volatile long nanos;
    /** Timed waits, earliest first; carrier thread only. */
    private final PriorityQueue<Sleeper> sleepers = new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));

    private record Sleeper(Thread thread, long deadline) {
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public Instant now() {
        return EPOCH.plusNanos(nanos);
    }

    @Override
    public void parkUntil(Object blocker, long deadlineNanos) {
        if (deadlineNanos - nanos <= 0) {
            return;
        }
        Sleeper sleeper = new Sleeper(Thread.currentThread(), deadlineNanos);
        sleepers.add(sleeper);
        try {
            LockSupport.park(blocker);
        } finally {
            sleepers.remove(sleeper);
        }
    }

    /** The earliest deadline of a timed wait, or {@code Long.MAX_VALUE} if none; carrier thread only. */
    public long nextDeadline() {
        Sleeper first = sleepers.peek();
        return first == null ? Long.MAX_VALUE : first.deadline;
    }

    /**
     * Moves the clock to {@code when} (never backwards) and wakes every timed wait due by then; carrier thread
     * only.
     */
    public void advanceTo(long when) {
        if (when - nanos > 0) {
            nanos = when;
        }
        for (Sleeper sleeper : sleepers) {
            if (sleeper.deadline - nanos <= 0) {
                LockSupport.unpark(sleeper.thread);
            }
        }
    }

    @Override
    public String toString() {
        return "BubbleClock[" + now() + "]";
    }
}
