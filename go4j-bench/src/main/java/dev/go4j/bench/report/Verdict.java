package dev.go4j.bench.report;

import java.util.List;

/**
 * Whether a target is met. The rule of the report: a target "go4j ≤ f × X" is met or missed only when go4j's
 * interval and {@code f} times X's interval do not overlap; otherwise it is inconclusive.
 */
enum Verdict {
    MET("met", "✓"),
    MISSED("missed", "✗"),
    INCONCLUSIVE("inconclusive", "~"),
    /** One side was not measured (Go not installed, a benchmark failed). */
    UNMEASURED("not measured", "?");

    final String word;
    final String mark;

    Verdict(String word, String mark) {
        this.word = word;
        this.mark = mark;
    }

    /** The verdict on {@code go4j ≤ factor × other}; null arguments mean "not measured". */
    static Verdict atMost(Interval go4j, double factor, Interval other) {
        if (go4j == null || other == null) {
            return UNMEASURED;
        }
        if (!go4j.known() || !other.known()) {
            return INCONCLUSIVE;
        }
        if (go4j.hi() <= factor * other.lo()) {
            return MET;
        }
        if (go4j.lo() > factor * other.hi()) {
            return MISSED;
        }
        return INCONCLUSIVE;
    }

    /** The verdict on {@code x ≥ bound} (a speed-up): met when x's interval lies wholly at or above the bound. */
    static Verdict atLeast(Interval x, double bound) {
        return atMost(Interval.exactly(bound), 1.0, x);
    }

    /** The verdict on {@code x ≤ bound} (a latency limit): met when x's interval lies wholly at or below it. */
    static Verdict within(Interval x, double bound) {
        return atMost(x, 1.0, Interval.exactly(bound));
    }

    /**
     * The verdict on "no measurable cost" from the ratio of a time with a diagnostic on over the time with it off:
     * met when the ratio's interval contains 1.0 or lies below it, missed when it lies wholly above 1.0;
     * inconclusive only when the interval is unknown.
     */
    static Verdict noMeasurableCost(Interval ratio) {
        if (ratio == null) {
            return UNMEASURED;
        }
        if (!ratio.known()) {
            return INCONCLUSIVE;
        }
        return ratio.lo() > 1.0 ? MISSED : MET;
    }

    /** A row's verdict: missed if any target is missed, met if all are met, else inconclusive. */
    static Verdict of(List<Verdict> targets) {
        if (targets.contains(MISSED)) {
            return MISSED;
        }
        if (!targets.isEmpty() && targets.stream().allMatch(v -> v == MET)) {
            return MET;
        }
        return INCONCLUSIVE;
    }
}
