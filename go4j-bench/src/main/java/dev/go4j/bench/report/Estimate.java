package dev.go4j.bench.report;

import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.Statistics;

/**
 * A measured mean with the half-width of its 99.9 % confidence interval, {@code mean ± error}, as JMH's
 * {@link Statistics} give it: a JMH benchmark's primary result (its score and score error), and the same Student-t
 * interval for Go's {@code -count} samples and the memory rounds through JMH's {@link ListStatistics}, so that both
 * sides of a comparison carry intervals of the same kind. {@code error} is NaN below three samples (JMH's rule).
 */
record Estimate(double mean, double error) {
    /** Two-sided confidence level of every interval in the report, JMH's for its score error. */
    static final double CONFIDENCE = 0.999;

    /** The mean and 99.9 % interval of {@code statistics}. */
    static Estimate of(Statistics statistics) {
        return new Estimate(statistics.getMean(), statistics.getMeanErrorAt(CONFIDENCE));
    }

    /** Lower end of the interval, never below zero (times and sizes are not negative). */
    double lo() {
        return Math.max(0, mean - error);
    }

    /** Upper end of the interval. */
    double hi() {
        return mean + error;
    }

    /** True if the interval is known (three or more samples, finite error). */
    boolean hasInterval() {
        return !Double.isNaN(error) && !Double.isInfinite(error);
    }

    /** The interval {@code [lo, hi]} around the mean (NaN ends when unknown). */
    Interval interval() {
        return hasInterval() ? new Interval(mean, lo(), hi()) : new Interval(mean, Double.NaN, Double.NaN);
    }

    /**
     * {@code scale} divided by this estimate, a rate from a time (goroutines per second from nanoseconds per
     * goroutine): {@code scale/mean}, with the interval {@code scale/hi} to {@code scale/lo} (unbounded above if
     * this interval reaches zero).
     */
    Interval inverse(double scale) {
        if (!hasInterval()) {
            return new Interval(scale / mean, Double.NaN, Double.NaN);
        }
        return new Interval(scale / mean, scale / hi(), lo() > 0 ? scale / lo() : Double.POSITIVE_INFINITY);
    }

    /**
     * This estimate divided by {@code other}: the ratio of the means, with the widest interval the two intervals
     * allow ({@code lo/other.hi} to {@code hi/other.lo}; unbounded above if {@code other}'s interval reaches zero).
     */
    Interval over(Estimate other) {
        if (!hasInterval() || !other.hasInterval()) {
            return new Interval(mean / other.mean, Double.NaN, Double.NaN);
        }
        double high = other.lo() > 0 ? hi() / other.lo() : Double.POSITIVE_INFINITY;
        return new Interval(mean / other.mean, lo() / other.hi(), high);
    }
}
