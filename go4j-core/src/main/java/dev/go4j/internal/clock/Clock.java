package dev.go4j.internal.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The one clock of go4j. Every deadline, timeout and time comparison in go4j goes through it, so that a test kit
 * can substitute a fake clock; nothing else in go4j-core reads {@code System.nanoTime} or calls
 * {@code LockSupport.parkNanos} (a class-scan test enforces it).
 *
 * <p>Deadlines are {@link #nanoTime()} values. Like {@code System.nanoTime}, they may be negative and may wrap, so
 * they are compared by subtraction ({@code deadline - now > 0}), never with {@code <}.
 */
public interface Clock {

    /** Nanoseconds of monotonic time; decides every deadline and timeout. */
    long nanoTime();

    /** The wall-clock time, for values handed to users (a timer's firing time, a context's deadline). */
    Instant now();

    /**
     * Parks the current thread until it is unparked, interrupted or {@code deadlineNanos} has passed; like
     * {@code LockSupport.parkNanos} it may also return for no reason. Only the park path calls this.
     */
    void parkUntil(Object blocker, long deadlineNanos);

    /**
     * The clock of the current thread: the system clock, or the fake clock of the synctest bubble the thread
     * belongs to (see {@link ClockScope}).
     */
    static Clock current() {
        return ClockScope.current();
    }

    /** The real clock: the one outside every bubble, for what must keep real time (watchdogs, diagnostics). */
    static Clock system() {
        return SystemClock.INSTANCE;
    }

    /**
     * The deadline {@code timeout} from now on this clock, saturated so that huge timeouts mean "practically never"
     * instead of overflowing (a {@link Duration} can exceed {@code Long.MAX_VALUE} nanoseconds).
     */
    default long deadlineAfter(Duration timeout) {
        return nanoTime() + saturatedNanos(timeout);
    }

    /**
     * {@code timeout} in nanoseconds, clamped to [0, about 73 years] so that adding it to any {@link #nanoTime()}
     * keeps subtraction comparisons correct.
     */
    static long saturatedNanos(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return 0;
        }
        final long max = Long.MAX_VALUE / 4;
        if (timeout.getSeconds() >= max / 1_000_000_000L) {
            return max;
        }
        return timeout.toNanos();
    }
}
