package dev.go4j.bench.report;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A measured mean with the half-width of its 99.9 % confidence interval, {@code mean ± error}, from {@code n}
 * samples. JMH's {@code scoreError} is exactly this for its iteration scores (Student's t with {@code n - 1}
 * degrees of freedom); {@link #fromSamples} computes the same for Go's {@code -count} samples, so that both sides
 * of a comparison carry intervals of the same kind. {@code error} is NaN when there is a single sample.
 */
record Estimate(double mean, double error, int n) {
    /** Two-sided confidence level of every interval in the report. */
    static final double CONFIDENCE = 0.999;

    /** The mean and 99.9 % interval of {@code samples} (Student's t, {@code n - 1} degrees of freedom). */
    static Estimate fromSamples(double[] samples) {
        int n = samples.length;
        if (n == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double sum = 0;
        for (double s : samples) {
            sum += s;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(mean, Double.NaN, 1);
        }
        double squares = 0;
        for (double s : samples) {
            squares += (s - mean) * (s - mean);
        }
        double stddev = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return new Estimate(mean, t * stddev / Math.sqrt(n), n);
    }

    /** Lower end of the interval, never below zero (times and sizes are not negative). */
    double lo() {
        return Math.max(0, mean - error);
    }

    /** Upper end of the interval. */
    double hi() {
        return mean + error;
    }

    /** True if the interval is known (two or more samples, finite error). */
    boolean hasInterval() {
        return !Double.isNaN(error) && !Double.isInfinite(error);
    }

    /** The interval {@code [lo, hi]} around the mean (NaN ends when unknown). */
    Interval interval() {
        return hasInterval() ? new Interval(mean, lo(), hi()) : new Interval(mean, Double.NaN, Double.NaN);
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
