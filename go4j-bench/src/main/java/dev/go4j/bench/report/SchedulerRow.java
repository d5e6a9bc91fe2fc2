package dev.go4j.bench.report;

import java.util.Map;

/**
 * One line of the scheduler table (rows 10 to 14): where its numbers come from, a JMH benchmark or a latency
 * metric of {@link dev.go4j.bench.Latency}, and its targets besides "not slower than on the JDK's scheduler". The
 * diagnostics table's row 18 uses the latency kind for the metrics of {@link dev.go4j.bench.DumpLatency}.
 *
 * @param label the line as the table shows it
 * @param benchmarkClass the JMH class (its method {@code go4j} is both go4j columns), or null for a latency
 * @param params the JMH parameters
 * @param metric the latency metric ({@code child-start}, {@code timer-busy}, …), or null for a JMH line
 * @param goName the Go benchmark, or null (a latency's Go side is the {@code latency} program's)
 * @param jdkMethod the JMH method of a plain-JDK column, or null
 * @param jdkName that column's name
 * @param goFactor the target go4j ≤ goFactor × Go, or NaN for none
 * @param limitNanos a latency's target go4j ≤ limitNanos, or NaN for none
 */
record SchedulerRow(String label, String benchmarkClass, Map<String, String> params, String metric, String goName,
        String jdkMethod, String jdkName, double goFactor, double limitNanos) {

    static SchedulerRow jmh(String label, String benchmarkClass, Map<String, String> params, String goName,
            String jdkMethod, String jdkName, double goFactor) {
        return new SchedulerRow(label, benchmarkClass, params, null, goName, jdkMethod, jdkName, goFactor,
                Double.NaN);
    }

    static SchedulerRow latency(String label, String metric, double limitNanos) {
        return new SchedulerRow(label, null, Map.of(), metric, null, null, null, Double.NaN, limitNanos);
    }

    boolean isLatency() {
        return metric != null;
    }
}
