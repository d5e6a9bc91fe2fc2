package dev.go4j.time;

import dev.go4j.Chan;
import dev.go4j.Interrupted;
import dev.go4j.ReceiveChan;
import dev.go4j.Task;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.park.Park;
import dev.go4j.internal.runtime.Goroutine;
import dev.go4j.internal.time.TimerCore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The functions of Go's package {@code time} that deal with waiting: {@link #sleep}, {@link #after},
 * {@link #tick}, {@link #newTimer}, {@link #newTicker}, {@link #afterFunc}, with Go 1.23's semantics. The usual
 * timeout, with {@code import static dev.go4j.Select.*;}:
 *
 * {@snippet file="TimeSnippets.java" region="time"}
 *
 * <p>All time is measured on go4j's one clock. Timers cost no thread or goroutine, and, as in Go 1.23, a timer
 * channel (from {@link #after}, {@link #tick}, {@link Timer} or {@link Ticker}) is in the timer heap only while a
 * goroutine is blocked on it: every receive first delivers a value that is due, so a timer or ticker that nothing
 * references any more is plain garbage, stopped or not. Timer and ticker channels are synchronous: their
 * {@code cap()} and {@code len()} are 0, and after {@code stop()} or {@code reset()} returns, no value of the
 * earlier setting is ever received. Values are the {@link Instant}s at which the timer was due, even when
 * delivered later.
 */
public final class Time {
    private Time() {
    }

    /**
     * Pauses the current goroutine for at least {@code d}, Go's {@code time.Sleep}; returns at once if {@code d}
     * is zero or negative (even if the thread is interrupted). Wait reason {@code sleep}.
     *
     * @param d how long to sleep
     * @throws Interrupted if interrupted while sleeping
     */
    public static void sleep(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative() || d.isZero()) {
            return;
        }
        Park.sleep(Deadline.after(d));
    }

    /**
     * Returns a {@link java.time.Clock} (UTC) that reads go4j's clock, for code that takes a clock: inside a
     * synctest bubble it reads the bubble's fake time, elsewhere the system's. The clock consults go4j at every
     * read, so one instance serves every thread. JDK timed waits ({@code Thread.sleep}, {@code parkNanos},
     * timed {@code Future.get}) always wait in real time and never count as durably blocked.
     *
     * {@snippet file="SynctestSnippets.java" region="clock"}
     *
     * @return the clock
     */
    public static java.time.Clock clock() {
        return GoClock.UTC;
    }

    /** The clock of {@link #clock()}: reads go4j's clock of the calling thread at every call. */
    private static final class GoClock extends java.time.Clock {
        static final GoClock UTC = new GoClock(ZoneOffset.UTC);
        private final ZoneId zone;

        private GoClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public java.time.Clock withZone(ZoneId newZone) {
            return newZone.equals(zone) ? this : new GoClock(newZone);
        }

        @Override
        public Instant instant() {
            return Clock.current().now();
        }

        @Override
        public String toString() {
            return "Time.clock()[" + zone + "]";
        }
    }

    /**
     * Returns the current time on go4j's clock, Go's {@code time.Now}.
     *
     * @return the current instant
     */
    public static Instant now() {
        return Clock.current().now();
    }

    /**
     * Returns a channel that receives the time once {@code d} has elapsed, Go's {@code time.After}: the usual
     * timeout case of a select. A non-positive {@code d} delivers at once.
     *
     * @param d the delay
     * @return a channel that delivers one instant
     */
    public static ReceiveChan<Instant> after(Duration d) {
        return TimerCore.channelTimer(nanos(d)).channel();
    }

    /**
     * Returns a channel that receives the time every {@code d}, Go's {@code time.Tick}; for {@code d <= 0}, the
     * nil channel (Go returns nil). Unlike Go before 1.23, an unreferenced ticker channel is garbage-collected.
     *
     * @param d the period
     * @return a ticking channel, or the nil channel
     */
    public static ReceiveChan<Instant> tick(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative() || d.isZero()) {
            return Chan.nil();
        }
        return TimerCore.ticker(Clock.saturatedNanos(d)).channel();
    }

    /**
     * Creates a timer that delivers the time on its channel once {@code d} has elapsed, Go's
     * {@code time.NewTimer}. A non-positive {@code d} fires at once.
     *
     * @param d the delay
     * @return the running timer
     */
    public static Timer newTimer(Duration d) {
        return new Timer(TimerCore.channelTimer(nanos(d)));
    }

    /**
     * Creates a ticker that delivers the time on its channel every {@code d}, Go's {@code time.NewTicker}. A slow
     * receiver misses ticks: at most one is pending.
     *
     * @param d the period
     * @return the running ticker
     * @throws dev.go4j.Panic {@code non-positive interval for NewTicker} if {@code d} is not positive
     */
    public static Ticker newTicker(Duration d) {
        return new Ticker(TimerCore.ticker(Ticker.period(d, "non-positive interval for NewTicker")));
    }

    /**
     * Runs {@code task} in its own goroutine once {@code d} has elapsed, Go's {@code time.AfterFunc}; the returned
     * timer's {@link Timer#stop()} prevents it, and its channel is the nil channel. A non-positive {@code d} starts
     * the goroutine at once. The scheduler holds the task strongly until it runs or is stopped.
     *
     * @param d the delay
     * @param task what to run
     * @return the timer, to stop or reset it
     */
    public static Timer afterFunc(Duration d, Task task) {
        Objects.requireNonNull(task, "task");
        return new Timer(TimerCore.funcTimer(nanos(d), () -> Goroutine.start(task)));
    }

    /** {@code d} in nanoseconds, saturated; negative values stay negative ("fire at once"). */
    static long nanos(Duration d) {
        Objects.requireNonNull(d, "d");
        return d.isNegative() ? -1 : Clock.saturatedNanos(d);
    }
}
