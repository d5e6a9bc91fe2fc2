package dev.go4j.internal.clock;

import java.util.concurrent.atomic.AtomicInteger;

/*
 * Implementation notes.
 *
 * Which clock a thread reads. Outside synctest bubbles every thread reads the system clock; a bubble's goroutines
 * (and its carrier) are bound to the bubble's fake clock for their whole life, by bind() on their own thread. The
 * binding is a ThreadLocal, consulted only while at least one bubble is open (OPEN, an atomic count), so a program
 * without bubbles pays one volatile read per Clock.current() and nothing else.
 */

/** The binding of threads to clocks other than the system clock; see the implementation notes. */
public final class ClockScope {
    /** Bubbles open now; while zero, nobody is bound. */
    private static final AtomicInteger OPEN = new AtomicInteger();
    /** The clock the current thread is bound to, or null for the system clock. */
    private static final ThreadLocal<Clock> BOUND = new ThreadLocal<>();

    private ClockScope() {
    }

    static Clock current() {
        if (OPEN.get() == 0) {
            return SystemClock.INSTANCE;
        }
        Clock bound = BOUND.get();
        return bound != null ? bound : SystemClock.INSTANCE;
    }

    /** Counts a bubble as open: from now on bound threads read their own clock. Undo with {@link #closed()}. */
    public static void opened() {
        OPEN.incrementAndGet();
    }

    /** Counts a bubble opened with {@link #opened()} as closed. */
    public static void closed() {
        OPEN.decrementAndGet();
    }

    /** Binds the current thread to {@code clock} for the rest of its life. */
    public static void bind(Clock clock) {
        BOUND.set(clock);
    }
}
