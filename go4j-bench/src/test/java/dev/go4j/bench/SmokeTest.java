package dev.go4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.go4j.Go;
import dev.go4j.internal.sched.JdkAccess;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every benchmark of the suite runs, through JMH, once per parameter set with tiny sizes (no Go, no timing
 * assertions): proof that the suite works, not a measurement. The tests run on go4j's own scheduler, as the
 * benchmark forks do; {@code ReportPipelineTest} runs go4j's benchmarks again in a JVM on the JDK's scheduler and
 * turns both runs' results into a report.
 */
public class SmokeTest {
    /** The latency program's plan in the smoke test: a couple of tiny batches per metric. */
    public static final Latency.Plan TINY = new Latency.Plan(0, 2, 20, 3);
    /** The dump-latency program's plan in the smoke test: two dumps of the smoke run's blocked goroutines. */
    public static final DumpLatency.Plan TINY_DUMP = new DumpLatency.Plan(Sizes.DUMP_GOROUTINES_RUN, 2);

    /** Runs the whole suite in-process and returns JMH's results. */
    public static Collection<RunResult> runSuite() throws Exception {
        return runSuite("dev\\.go4j\\.bench\\..*");
    }

    /** Runs the benchmarks that match any of {@code includes} in-process and returns JMH's results. */
    public static Collection<RunResult> runSuite(String... includes) throws Exception {
        return runSuite(options -> {
            for (String include : includes) {
                options.include(include);
            }
            return options;
        });
    }

    /** Runs the benchmarks that {@code select} adds to the smoke settings, in-process, and returns JMH's results. */
    public static Collection<RunResult> runSuite(UnaryOperator<ChainedOptionsBuilder> select) throws Exception {
        assertThat(Sizes.SMOKE).as("the smoke test needs -Dgo4j.bench.smoke=true (set by go4j-bench's pom)").isTrue();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(1))
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .shouldFailOnError(true)
                .timeout(TimeValue.seconds(20))
                .verbosity(VerboseMode.SILENT);
        return new Runner(select.apply(options).build()).run();
    }

    /** The latency program's lines with the {@link #TINY} plan. */
    public static List<String> latencyLines() {
        return Latency.measure(TINY);
    }

    /** The dump-latency program's lines with the {@link #TINY_DUMP} plan; its goroutines are released after. */
    public static List<String> dumpLatencyLines() throws InterruptedException {
        return DumpLatency.measure(TINY_DUMP, true);
    }

    @Test
    @Timeout(120)
    void everyBenchmarkRunsOnce() throws Exception {
        Collection<RunResult> results = runSuite();
        // PingPong 5, Buffered 3 × 2 caps, Select2 3 × 2, SelectTimeout 4, Spawn 2, MutexContended 3, FanIn 3 × 2,
        // Sieve 3, ChanTest 11, ParkFloor 2, Gosched 1 × 2, ForkJoin 1 × 2, GoDump 1 (1 000 blocked goroutines),
        // ExploreSchedules 1.
        assertThat(results).hasSize(5 + 6 + 6 + 4 + 2 + 3 + 6 + 3 + 11 + 2 + 2 + 2 + 1 + 1);
        for (RunResult r : results) {
            assertThat(r.getPrimaryResult().getScore()).as(r.getParams().getBenchmark()).isPositive();
        }
    }

    /** The columns compare what they claim: go4j's goroutines on its carriers, the others on the JDK's scheduler. */
    @Test
    @Timeout(60)
    void goroutinesRunOnGo4jsCarriersAndPlainVirtualThreadsOnTheJdks() {
        assertThat(OnScheduler.check()).isEqualTo(Go.Scheduler.GO4J);
        var goroutineCarrier = new AtomicReference<Thread>();
        var virtualCarrier = new AtomicReference<Thread>();
        Parties.goroutines(() -> goroutineCarrier.set(JdkAccess.currentCarrier()));
        Parties.virtualThreads(() -> virtualCarrier.set(JdkAccess.currentCarrier()));
        assertThat(goroutineCarrier.get()).isNotInstanceOf(ForkJoinWorkerThread.class);
        assertThat(virtualCarrier.get()).isInstanceOf(ForkJoinWorkerThread.class);
        Parties.goroutines(() -> assertThat(Thread.currentThread().isVirtual()).isTrue());
    }

    @Test
    @Timeout(60)
    void everySieveFindsTheTenthPrime() {
        var sieve = new Sieve();
        sieve.setup();
        sieve.go4j();
        assertThat(sieve.lastPrime).isEqualTo(29);
        sieve.lastPrime = 0;
        sieve.jox();
        assertThat(sieve.lastPrime).isEqualTo(29);
        sieve.lastPrime = 0;
        sieve.jdkSynchronousQueue();
        assertThat(sieve.lastPrime).isEqualTo(29);
        assertThat(Sieve.nthPrime(1000)).isEqualTo(7919);
    }

    @Test
    @Timeout(60)
    void blockedMemoryMeasuresEverySystem() throws Exception {
        assertThat(BlockedMemory.measureAll(2_000)).hasSize(3).allSatisfy(bytes -> assertThat(bytes).isPositive());
    }

    /** One first timer, then each batched metric's measured batches, on go4j's scheduler; timers are never early. */
    @Test
    @Timeout(60)
    void latencyMeasuresEveryMetric() {
        List<String> lines = latencyLines();
        assertThat(lines).hasSize(1 + 3 * TINY.batches()).allSatisfy(line -> assertThat(line).matches(
                "latency (first-timer|child-start|timer-idle|timer-busy) go4j [0-9]+\\.[0-9]"));
        assertThat(lines.get(0)).startsWith("latency first-timer go4j ");
        assertThat(lines).filteredOn(l -> l.contains("timer")).allSatisfy(line -> assertThat(
                Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isNotNegative());
    }

    /** Each dump gives its log line and its two samples, the worst round trip at or above the 99.9th percentile. */
    @Test
    @Timeout(60)
    void dumpLatencyMeasuresEveryDump() throws Exception {
        List<String> lines = dumpLatencyLines();
        assertThat(lines).hasSize(3 * TINY_DUMP.dumps());
        for (int d = 0; d < TINY_DUMP.dumps(); d++) {
            assertThat(lines.get(3 * d)).matches("dump " + (d + 1) + ": [0-9,]+ ms, [0-9,]+ goroutines/s, [0-9,]+"
                    + " round trips");
            assertThat(lines.get(3 * d + 1)).matches("latency dump-round-trip-worst go4j [0-9]+\\.[0-9]");
            assertThat(lines.get(3 * d + 2)).matches("latency dump-round-trip-p999 go4j [0-9]+\\.[0-9]");
            assertThat(sample(lines.get(3 * d + 1))).isGreaterThanOrEqualTo(sample(lines.get(3 * d + 2)));
        }
    }

    private static double sample(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** The percentiles of a window's round trips, to a bucket; round trips outside the window do not count. */
    @Test
    void roundTripsKeepTheWorstAndThePercentilesOfTheirWindow() {
        var trips = new RoundTrips();
        trips.record(0, 5_000_000); // before the window opened
        trips.open();
        long now = System.nanoTime();
        for (int i = 1; i <= 1000; i++) {
            trips.record(now, now + i * 1_000L); // 1 µs to 1 ms
        }
        trips.close();
        trips.record(System.nanoTime() + 1, System.nanoTime() + 50_000_000); // after it closed
        assertThat(trips.count()).isEqualTo(1000);
        assertThat(trips.worst()).isEqualTo(1_000_000);
        assertThat(trips.percentile(0.999)).isEqualTo(999_000 + RoundTrips.BUCKET_NANOS);
        assertThat(trips.percentile(0.5)).isEqualTo(500_000 + RoundTrips.BUCKET_NANOS);
        assertThat(new RoundTrips().percentile(0.999)).isZero();
    }

    /** The default flags pass the diagnostics check; a JVM that claims a flag go4j does not follow fails it. */
    @Test
    @Timeout(60)
    void aBenchmarkWithTheWrongDiagnosticsFailsItsSetup() throws Exception {
        new PingPong().checkDiagnostics(); // go4j has read both flags (and counts waits, captures no creator) now
        withProperty("go4j.deadlock", "off", () -> assertThatIllegalStateException()
                .isThrownBy(new PingPong()::checkDiagnostics)
                .withMessageContaining("claims the park path's wait counters off (-Dgo4j.deadlock=off)"));
        withProperty("go4j.debug.createdBy", "true", () -> assertThatIllegalStateException()
                .isThrownBy(new PingPong()::checkDiagnostics)
                .withMessageContaining("claims created-by capture on (-Dgo4j.debug.createdBy=true)"));
    }

    /** Runs {@code body} with the system property {@code key} set to {@code value}, then restores it. */
    private static void withProperty(String key, String value, Runnable body) {
        String before = System.getProperty(key);
        System.setProperty(key, value);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    /** A JVM that claims one scheduler and has the other fails the benchmark's setup, naming the flag. */
    @Test
    void aBenchmarkOnTheWrongSchedulerFailsItsSetup() {
        // The scheduler is chosen once per JVM, when first asked: ask before changing the property.
        assertThat(Go.scheduler()).isEqualTo(Go.Scheduler.GO4J);
        withProperty("go4j.scheduler", "jdk", () -> {
            assertThat(OnScheduler.claimed()).isEqualTo(Go.Scheduler.JDK);
            assertThatIllegalStateException().isThrownBy(new PingPong()::checkScheduler)
                    .withMessageContaining("should run goroutines on the JDK's virtual-thread scheduler")
                    .withMessageContaining("-Dgo4j.scheduler=jdk");
        });
    }
}
