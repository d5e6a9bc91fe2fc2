package dev.go4j.time;

import dev.go4j.Panic;
import dev.go4j.ReceiveChan;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.time.TimerCore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Delivers the time at regular intervals, Go's {@code time.Ticker}, made by {@link Time#newTicker}.
 *
 * {@snippet file="TimeSnippets.java" region="ticker"}
 *
 * <p>A slow receiver misses ticks: at most one tick is pending. Go 1.23 semantics: the channel is synchronous
 * ({@code cap()} and {@code len()} are 0), no tick of an earlier setting is received after {@link #stop()} or
 * {@link #reset(Duration)} returns, and an unreferenced ticker is garbage-collectable even if never stopped.
 */
public final class Ticker {
    private final TimerCore state;
    private final ReceiveChan<Instant> channel;

    Ticker(TimerCore state) {
        this.state = state;
        this.channel = state.channel();
    }

    /**
     * Returns the channel on which the ticks are delivered.
     *
     * @return the ticker's channel
     */
    public ReceiveChan<Instant> c() {
        return channel;
    }

    /** Turns the ticker off, Go's {@code Ticker.Stop}: no more ticks are delivered. */
    public void stop() {
        state.stop();
    }

    /**
     * Stops the ticker and restarts it with period {@code d}, the next tick due {@code d} from now, Go's
     * {@code Ticker.Reset}.
     *
     * @param d the new period
     * @throws Panic {@code non-positive interval for Ticker.Reset} if {@code d} is not positive
     */
    public void reset(Duration d) {
        long period = period(d, "non-positive interval for Ticker.Reset");
        state.reset(period, period);
    }

    static long period(Duration d, String panicText) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative() || d.isZero()) {
            throw new Panic(panicText);
        }
        return Clock.saturatedNanos(d);
    }
}
