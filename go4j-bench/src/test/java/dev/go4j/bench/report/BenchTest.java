package dev.go4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.Options;

/**
 * What {@code ./go4j bench} asks JMH for: every fork keeps go4j's own scheduler (java.lang opened to the class
 * path), each pass only adds its option, and the dump benchmark runs only in its own pass, with a big heap.
 */
class BenchTest {
    private static final String OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    @ParameterizedTest
    @ValueSource(strings = {"quick", "full"})
    void everyPassKeepsGo4jsSchedulerAndAddsOnlyItsOption(String mode) {
        for (Bench.Pass pass : Bench.PASSES) {
            Options options = pass.select(Bench.Mode.of(mode).jmhOptions()).build();
            assertThat(options.getJvmArgs().get()).as(pass.name()).containsAll(Bench.FORK_JVM_ARGS).contains(OPENS);
            assertThat(options.getJvmArgsAppend().get()).as(pass.name()).containsExactly(pass.jvmOption());
            assertThat(options.getExcludes()).as(pass.name()).containsExactly(Bench.DUMP_BENCHMARK);
        }
        assertThat(Bench.PASSES).extracting(Bench.Pass::jvmOption)
                .containsExactly("-Dgo4j.scheduler=jdk", "-Dgo4j.deadlock=off", "-Dgo4j.debug.createdBy=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"quick", "full"})
    void theDumpRunsAloneInSingleShotsWithABigHeapOnGo4jsScheduler(String mode) {
        Bench.Mode m = Bench.Mode.of(mode);
        Options options = m.dumpOptions().build();
        assertThat(options.getIncludes()).containsExactly(Bench.DUMP_BENCHMARK);
        assertThat(options.getBenchModes()).containsExactly(Mode.SingleShotTime);
        assertThat(options.getJvmArgs().get()).contains(OPENS, "-Xms6g", "-Xmx6g").doesNotContain("-Xmx2g");
        assertThat(options.getJvmArgsAppend().hasValue()).isFalse();
        assertThat(options.getForkCount().get()).isEqualTo(1);
        assertThat(options.getWarmupIterations().get()).isZero();
        assertThat(options.getMeasurementIterations().get()).isEqualTo(m.dumps()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aForkHasAFixedPreTouchedHeapAndOtherwiseTheSameOptions() {
        assertThat(Bench.FORK_JVM_ARGS).startsWith("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch").contains(OPENS);
        List<String> big = Bench.forkJvmArgs(Bench.DUMP_HEAP);
        assertThat(big).startsWith("-Xms6g", "-Xmx6g");
        assertThat(big.subList(2, big.size())).isEqualTo(Bench.FORK_JVM_ARGS.subList(2, Bench.FORK_JVM_ARGS.size()));
    }
}
