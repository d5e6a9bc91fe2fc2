package dev.go4j.time;

import dev.go4j.Chan;
import dev.go4j.ReceiveChan;
import dev.go4j.internal.time.TimerCore;
import java.time.Duration;
import java.time.Instant;

/**
 * A single event in the future, Go's {@code time.Timer}: made by {@link Time#newTimer} (delivers the time on
 * {@link #c()}) or {@link Time#afterFunc} (runs a function in its own goroutine).
 *
 * {@snippet file="TimeSnippets.java" region="timer"}
 *
 * <p>Go 1.23 semantics: the channel is synchronous ({@code cap()} and {@code len()} are 0); once
 * {@link #stop()} or {@link #reset(Duration)} returns, no value of the earlier setting is ever received; a timer
 * that nothing references is garbage, stopped or not.
 */
public final class Timer {
    private final TimerCore state;
    /** The channel (nil for func timers). */
    private final ReceiveChan<Instant> channel;

    Timer(TimerCore state) {
        this.state = state;
        ReceiveChan<Instant> chan = state.channel();
        this.channel = chan == null ? Chan.nil() : chan;
    }

    /**
     * Returns the channel on which the timer delivers the instant it was due; the nil channel for a timer made
     * by {@link Time#afterFunc}.
     *
     * @return the timer's channel
     */
    public ReceiveChan<Instant> c() {
        return channel;
    }

    /**
     * Stops the timer, Go's {@code Timer.Stop}.
     *
     * @return true if the call stopped the timer; false if it had already been stopped, or its value had already
     *     been received (or its function started)
     */
    public boolean stop() {
        return state.stop();
    }

    /**
     * Re-arms the timer to fire after {@code d}, Go's {@code Timer.Reset}; a non-positive {@code d} fires at once.
     * No value of the earlier setting is received after this returns.
     *
     * @param d the new delay
     * @return true if the timer had been active (what {@link #stop()} would have returned)
     */
    public boolean reset(Duration d) {
        return state.reset(Time.nanos(d), 0);
    }
}
