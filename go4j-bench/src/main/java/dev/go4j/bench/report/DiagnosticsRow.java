package dev.go4j.bench.report;

import java.util.Map;

/**
 * One line of the diagnostics table (rows 15 and 16) that compares a go4j benchmark with a diagnostic and without
 * it, each side from the JMH run that measured it: created-by capture ({@code -Dgo4j.debug.createdBy=true}, the run
 * {@link RawData#JMH_CREATED_BY}) against the default (the main run), or the default, whose park path counts waits
 * for the deadlock report, against {@code -Dgo4j.deadlock=off} ({@link RawData#JMH_DIAGNOSTICS_OFF}). The ratio
 * is with/without; the second kind has the target "no measurable cost" ({@link Verdict#noMeasurableCost}).
 *
 * @param label the line as the table shows it
 * @param benchmarkClass the JMH class (simple name)
 * @param method its go4j method
 * @param params the JMH parameters
 * @param createdBy true for created-by capture, false for the deadlock report's counters
 */
record DiagnosticsRow(String label, String benchmarkClass, String method, Map<String, String> params,
        boolean createdBy) {

    /** The side with the diagnostic. */
    JmhResults.Result with(RawData data) {
        return (createdBy ? data.jmhCreatedBy() : data.jmh()).find(benchmarkClass, method, params);
    }

    /** The side without it. */
    JmhResults.Result without(RawData data) {
        return (createdBy ? data.jmh() : data.jmhDiagnosticsOff()).find(benchmarkClass, method, params);
    }
}
