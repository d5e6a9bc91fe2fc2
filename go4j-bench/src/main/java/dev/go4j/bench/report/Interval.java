package dev.go4j.bench.report;

/**
 * A value with a confidence interval {@code [lo, hi]} around it, which need not be symmetric (a ratio's is not,
 * see {@link Estimate#over}). {@code lo} and {@code hi} are NaN when the interval is unknown.
 */
record Interval(double value, double lo, double hi) {
    /** A number known exactly, such as a target's bound. */
    static Interval exactly(double value) {
        return new Interval(value, value, value);
    }

    boolean known() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }
}
