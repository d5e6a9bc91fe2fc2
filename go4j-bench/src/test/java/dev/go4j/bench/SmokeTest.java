package dev.go4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every benchmark of the suite runs, through JMH, once per parameter set with tiny sizes (no Go, no timing
 * assertions): proof that the suite works, not a measurement. {@code ReportPipelineTest} then turns such a run's
 * results into a report.
 */
public class SmokeTest {
    /** Runs the whole suite in-process and returns JMH's results. */
    public static Collection<RunResult> runSuite() throws Exception {
        assertThat(Sizes.SMOKE).as("the smoke test needs -Dgo4j.bench.smoke=true (set by go4j-bench's pom)").isTrue();
        Options options = new OptionsBuilder()
                .include("dev\\.go4j\\.bench\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(1))
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .shouldFailOnError(true)
                .timeout(TimeValue.seconds(20))
                .verbosity(VerboseMode.SILENT)
                .build();
        return new Runner(options).run();
    }

    @Test
    @Timeout(120)
    void everyBenchmarkRunsOnce() throws Exception {
        Collection<RunResult> results = runSuite();
        // 12 benchmark classes; PingPong 5, Buffered 3 × 2 caps, Select2 2 × 2, SelectTimeout 2, Spawn 2,
        // MutexContended 3, FanIn 3 × 2, Sieve 3, ChanTest 10, ParkFloor 1.
        assertThat(results).hasSize(5 + 6 + 4 + 2 + 2 + 3 + 6 + 3 + 10 + 1);
        for (RunResult r : results) {
            assertThat(r.getPrimaryResult().getScore()).as(r.getParams().getBenchmark()).isPositive();
        }
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
}
