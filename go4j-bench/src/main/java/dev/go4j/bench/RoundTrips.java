package dev.go4j.bench;

/**
 * The round trips of a {@link PingPongPair} that overlap one window of time, as a histogram: the worst exactly,
 * percentiles to {@value #BUCKET_NANOS} ns. A round trip counts if it ended after {@link #open()} and began before
 * {@link #close()}. Recording allocates nothing, so that the measurement adds no garbage of its own to the pauses
 * it looks for.
 *
 * <p>Written by one goroutine, the pair's pinger ({@link #record}); read ({@link #worst()},
 * {@link #percentile(double)}) only after the pair has stopped, which {@link PingPongPair#stop()} orders before.
 */
final class RoundTrips {
    /** A bucket's width: the resolution of the percentiles. */
    static final long BUCKET_NANOS = 100;
    /** Round trips up to 10 ms have buckets of their own; longer ones share the last (the worst is kept apart). */
    private static final int BUCKETS = 100_001;

    /** Round trips per bucket, {@code nanos / BUCKET_NANOS}; written by the pinger only. */
    private final long[] counts = new long[BUCKETS];
    /** Round trips recorded, and the longest; written by the pinger only. */
    private long total;
    private long worst;
    /** The window, in {@link System#nanoTime()}; written by the measuring goroutine, read by the pinger. */
    private volatile long from = Long.MAX_VALUE;
    private volatile long to = Long.MAX_VALUE;

    /** Starts the window: round trips that end from now on count. */
    void open() {
        from = System.nanoTime();
    }

    /** Ends the window: round trips that begin after now do not count. */
    void close() {
        to = System.nanoTime();
    }

    /** Records the round trip from {@code start} to {@code end} if it overlaps the window. */
    void record(long start, long end) {
        if (end >= from && start <= to) {
            long nanos = end - start;
            counts[(int) Math.min(nanos / BUCKET_NANOS, BUCKETS - 1)]++;
            total++;
            worst = Math.max(worst, nanos);
        }
    }

    /** The number of round trips recorded. */
    long count() {
        return total;
    }

    /** The longest round trip recorded, in nanoseconds (0 if none). */
    long worst() {
        return worst;
    }

    /**
     * The {@code q}-quantile of the round trips recorded ({@code 0.999}: the 99.9th percentile), in nanoseconds:
     * the upper edge of the bucket that holds it, never above the worst.
     */
    long percentile(double q) {
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min((i + 1) * BUCKET_NANOS, worst);
            }
        }
        return worst;
    }
}
