package dev.go4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbers behind the verdicts: Go's output and the programs' sample lines parsed, JMH's Student-t intervals,
 * ratios and rates, the met/missed rules.
 */
class StatisticsTest {
    @Test
    void goOutputGivesSamplesPerBenchmarkWithoutTheProcsSuffix() {
        GoResults go = GoResults.parse(List.of(
                "goos: linux",
                "BenchmarkPingPong-2        1000000    100.0 ns/op    3 B/op   0 allocs/op",
                "BenchmarkBuffered/cap=16-2 2000000     50.5 ns/op    2 B/op   0 allocs/op",
                "BenchmarkBuffered/cap=16-2 2000000     51.5 ns/op    2 B/op   0 allocs/op",
                "BenchmarkPingPong-2        1000000    102.0 ns/op    5 B/op   0 allocs/op",
                "BenchmarkPingPong-2        1000000     98.0 ns/op    3 B/op   0 allocs/op",
                "BenchmarkPingPong-2        1000000    101.0 ns/op    3 B/op   0 allocs/op",
                "BenchmarkPingPong-2        1000000     99.0 ns/op    1 B/op   0 allocs/op",
                "PASS"));
        GoResults.Result pingPong = go.find("BenchmarkPingPong");
        assertThat(pingPong.time().mean()).isEqualTo(100.0);
        // s = sqrt(10/4) = 1.5811; t(0.9995, 4) = 8.6103; error = t * s / sqrt(5)
        assertThat(pingPong.time().error()).isCloseTo(8.6103 * 1.5811 / Math.sqrt(5), within(0.01));
        assertThat(pingPong.bytesPerOp()).isEqualTo(3.0);
        // JMH gives no interval below three samples
        assertThat(go.find("BenchmarkBuffered/cap=16").time().mean()).isEqualTo(51.0);
        assertThat(go.find("BenchmarkBuffered/cap=16").time().error()).isNaN();
    }

    @Test
    void aTargetIsDecidedOnlyWhenTheIntervalsDoNotOverlap() {
        Interval go4j = new Interval(100, 90, 110);
        assertThat(Verdict.atMost(go4j, 1.0, new Interval(200, 150, 250))).isEqualTo(Verdict.MET);
        assertThat(Verdict.atMost(go4j, 1.0, new Interval(50, 40, 60))).isEqualTo(Verdict.MISSED);
        assertThat(Verdict.atMost(go4j, 1.0, new Interval(105, 95, 115))).isEqualTo(Verdict.INCONCLUSIVE);
        // ≤ 0.5 × other: other's interval is scaled first
        assertThat(Verdict.atMost(go4j, 0.5, new Interval(300, 240, 360))).isEqualTo(Verdict.MET);
        assertThat(Verdict.atMost(go4j, 0.5, new Interval(200, 190, 210))).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.atMost(go4j, 1.0, null)).isEqualTo(Verdict.UNMEASURED);
        assertThat(Verdict.atMost(go4j, 1.0, new Interval(100, Double.NaN, Double.NaN)))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.of(List.of(Verdict.MET, Verdict.INCONCLUSIVE))).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.of(List.of(Verdict.MET, Verdict.MISSED, Verdict.UNMEASURED))).isEqualTo(Verdict.MISSED);
        assertThat(Verdict.of(List.of(Verdict.MET, Verdict.MET))).isEqualTo(Verdict.MET);
    }

    @Test
    void boundsAreDecidedByTheWholeInterval() {
        // A speed-up ≥ 1.7 and a latency ≤ 50 µs: met or missed only when the interval lies wholly on one side.
        assertThat(Verdict.atLeast(new Interval(1.9, 1.8, 2.0), 1.7)).isEqualTo(Verdict.MET);
        assertThat(Verdict.atLeast(new Interval(1.5, 1.4, 1.6), 1.7)).isEqualTo(Verdict.MISSED);
        assertThat(Verdict.atLeast(new Interval(1.75, 1.6, 1.9), 1.7)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.within(new Interval(40, 30, 50), 50)).isEqualTo(Verdict.MET);
        assertThat(Verdict.within(new Interval(60, 51, 69), 50)).isEqualTo(Verdict.MISSED);
        assertThat(Verdict.within(new Interval(50, 45, 55), 50)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.within(null, 50)).isEqualTo(Verdict.UNMEASURED);
    }

    @Test
    void noMeasurableCostIsMissedOnlyWhenTheRatioLiesWhollyAboveOne() {
        assertThat(Verdict.noMeasurableCost(new Interval(1.02, 0.95, 1.10))).isEqualTo(Verdict.MET);
        assertThat(Verdict.noMeasurableCost(new Interval(0.80, 0.70, 0.90))).isEqualTo(Verdict.MET);
        assertThat(Verdict.noMeasurableCost(new Interval(1.0, 1.0, 1.0))).isEqualTo(Verdict.MET);
        assertThat(Verdict.noMeasurableCost(new Interval(1.20, 1.05, 1.35))).isEqualTo(Verdict.MISSED);
        assertThat(Verdict.noMeasurableCost(new Interval(1.20, Double.NaN, Double.NaN)))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.noMeasurableCost(null)).isEqualTo(Verdict.UNMEASURED);
    }

    @Test
    void aRateIsTheInverseOfATimeWithTheEndsSwapped() {
        // 5 ± 1 ns per goroutine: 200 M goroutines/s, between 1e9/6 and 1e9/4
        Interval rate = new Estimate(5, 1).inverse(1e9);
        assertThat(rate.value()).isEqualTo(2e8);
        assertThat(rate.lo()).isCloseTo(1e9 / 6, within(1e-3));
        assertThat(rate.hi()).isCloseTo(1e9 / 4, within(1e-3));
        assertThat(new Estimate(5, 6).inverse(1e9).hi()).isInfinite();
        assertThat(new Estimate(5, Double.NaN).inverse(1e9).known()).isFalse();
    }

    @Test
    void sampleLinesAreGroupedByEverythingBetweenTagAndValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latency-java.txt");
        Files.writeString(file, "latency timer-idle go4j 100\nlatency timer-idle go4j 110\nlatency timer-idle go4j 120\n"
                + "latency timer-idle go4j-jdk 200\nnoise line\nbytes-per-goroutine go4j 1000\n");
        SampleResults latency = SampleResults.read(SampleResults.LATENCY, file, dir.resolve("missing.txt"));
        assertThat(latency.find("timer-idle go4j").mean()).isEqualTo(110.0);
        assertThat(latency.find("timer-idle go4j").hasInterval()).isTrue();
        assertThat(latency.find("timer-idle go4j-jdk").hasInterval()).isFalse();
        assertThat(latency.find("go4j")).isNull();
        assertThat(SampleResults.read(SampleResults.MEMORY, file).find("go4j").mean()).isEqualTo(1000.0);
    }

    @Test
    void aRatioTakesTheWidestIntervalTheTwoAllow() {
        Interval r = new Estimate(200, 20).over(new Estimate(100, 10));
        assertThat(r.value()).isEqualTo(2.0);
        assertThat(r.lo()).isCloseTo(180.0 / 110, within(1e-9));
        assertThat(r.hi()).isCloseTo(220.0 / 90, within(1e-9));
    }
}
