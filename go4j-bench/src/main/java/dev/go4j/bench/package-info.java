/**
 * The go4j benchmark suite: each workload written once for go4j, once for Jox (where Jox has the primitive) and
 * once for the best JDK primitive (where one exists), next to the same workload in Go under
 * {@code go4j-bench/go}. Class names mirror the Go benchmarks ({@code PingPong} is Go's
 * {@code BenchmarkPingPong}); methods name the system measured ({@code go4j}, {@code jox},
 * {@code jdkSynchronousQueue}, …). {@link dev.go4j.bench.ChanTest} ports the spirit of Go's own
 * {@code runtime/chan_test.go} benchmarks. Three programs measure what JMH's averages cannot, each in processes of
 * its own: {@link dev.go4j.bench.BlockedMemory} (bytes per blocked goroutine), {@link dev.go4j.bench.Latency}
 * (child-start and timer latencies) and {@link dev.go4j.bench.DumpLatency} (a running pair's round trips during a
 * goroutine dump). {@link dev.go4j.bench.GoDump} times the dump itself, with a million blocked goroutines.
 *
 * <p>Rules every benchmark keeps, so that the columns compare like with like:
 * <ul>
 *   <li>every party of a workload runs on a virtual thread: go4j's as go4j goroutines ({@code Go.go}), the others
 *       as plain virtual threads; JMH's own thread only starts them and waits ({@link dev.go4j.bench.Parties});
 *   <li>go4j's goroutines run on go4j's own scheduler, and once more, for the report's second go4j column, on the
 *       JDK's ({@code -Dgo4j.scheduler=jdk}); every benchmark checks in its setup that its JVM has the scheduler it
 *       claims ({@link dev.go4j.bench.OnScheduler}); plain virtual threads run on the JDK's scheduler in both;
 *   <li>the same check covers the diagnostics flags of the report's diagnostics rows ({@code -Dgo4j.deadlock=off},
 *       {@code -Dgo4j.debug.createdBy=true}): a fork does what its flags say, or fails;
 *   <li>one invocation moves {@link dev.go4j.bench.Sizes#OPS} elements (or does one whole spawn, one whole sieve),
 *       and JMH divides by that, so scores are per operation like Go's {@code ns/op};
 *   <li>what is sent is one cached object (or, for the sieve, numbers boxed once in a table): no boxing in the
 *       loop;
 *   <li>code is written the way a user of each library would write it (a {@code select} builds its cases inline),
 *       so the measured cost includes what the API makes users pay.
 * </ul>
 *
 * <p>{@code ./go4j bench} runs the suite and the Go benchmarks and writes {@code bench/report.md}
 * (see {@link dev.go4j.bench.report.Bench}); {@code bench/README.md} says how to read it.
 */
package dev.go4j.bench;
