package dev.go4j.internal.chan;

/**
 * The timer that feeds a timer channel, as the channel sees it (Go's {@code hchan.timer}). The channel calls these
 * without holding its own lock.
 */
public interface ChannelTimer {
    /** Delivers the timer's value now if it is due and nothing else will (Go's {@code maybeRunChan}). */
    void maybeRun();

    /** A goroutine is about to park on the channel: the timer must be in a heap while anyone waits. */
    void blocked();

    /** A goroutine that was {@link #blocked()} no longer waits on the channel. */
    void unblocked();
}
