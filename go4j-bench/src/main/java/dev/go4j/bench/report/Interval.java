package dev.go4j.bench.report;

/**
 * A value with a confidence interval {@code [lo, hi]} around it, which need not be symmetric (a ratio's is not).
 * {@code lo} and {@code hi} are NaN when the interval is unknown.
 */
record Interval(double value, double lo, double hi) {
    boolean known() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }

    /** This interval divided by {@code other}, widest case (like {@link Estimate#over}). */
    Interval over(Interval other) {
        if (!known() || !other.known()) {
            return new Interval(value / other.value, Double.NaN, Double.NaN);
        }
        double high = other.lo > 0 ? hi / other.lo : Double.POSITIVE_INFINITY;
        return new Interval(value / other.value, lo / other.hi, high);
    }
}
