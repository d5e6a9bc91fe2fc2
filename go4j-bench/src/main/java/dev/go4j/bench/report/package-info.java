/**
 * {@code ./go4j bench} behind the scenes: {@link dev.go4j.bench.report.Bench} runs JMH, the Go benchmarks, the
 * memory row and the side-loaded row 9 one after the other and keeps their output in {@code bench/raw/};
 * {@link dev.go4j.bench.report.Report} reads that back and writes {@code bench/report.md} with its chart,
 * {@code bench/report.svg}. The statistics are JMH's: the {@code RunResult}s of its {@code Runner} for the Java
 * side, its {@code ListStatistics} (the same Student-t interval) for Go's samples and the memory rounds; a target is
 * met or missed only when the intervals do not overlap.
 */
package dev.go4j.bench.report;
