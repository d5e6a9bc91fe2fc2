package dev.go4j.examples.goroutines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.go4j.examples.goroutines.ConcurrencyIsNotParallelism.Job;
import dev.go4j.examples.goroutines.ConcurrencyIsNotParallelism.Measurement;
import dev.go4j.examples.goroutines.ConcurrencyIsNotParallelism.Run;
import dev.go4j.testing.Output;
import org.junit.jupiter.api.Test;

/** The law's arithmetic and the job's results; never the timings, which belong to the machine. */
class ConcurrencyIsNotParallelismTest {
    @Output("""
            Amdahl's law for a job that is 95% parallel:
               1 processor:    1.00x
               2 processors:   1.90x
               4 processors:   3.48x
               8 processors:   5.93x
              16 processors:   9.14x
              never more than 20.00x (1 / serial fraction)
            """)
    void theLawForAJobThatIs95PercentParallel() {
        ConcurrencyIsNotParallelism.law();
    }

    @Test
    void amdahlsLaw() {
        // The tutorial's example: 95 % parallel on 16 cores.
        assertThat(ConcurrencyIsNotParallelism.amdahlSpeedup(0.05, 16)).isCloseTo(1 / (0.05 + 0.95 / 16),
                within(1e-12)).isCloseTo(9.14, within(0.005));
        assertThat(ConcurrencyIsNotParallelism.amdahlSpeedup(0.05, 1)).isEqualTo(1.0);
        assertThat(ConcurrencyIsNotParallelism.amdahlSpeedup(0.0, 8)).isCloseTo(8.0, within(1e-12));
        assertThat(ConcurrencyIsNotParallelism.amdahlSpeedup(1.0, 64)).isEqualTo(1.0);
        assertThat(ConcurrencyIsNotParallelism.amdahlSpeedup(0.05, Integer.MAX_VALUE)).isCloseTo(20.0,
                within(1e-6));
    }

    @Test
    void amdahlsLawRejectsImpossibleInputs() {
        assertThatThrownBy(() -> ConcurrencyIsNotParallelism.amdahlSpeedup(-0.1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConcurrencyIsNotParallelism.amdahlSpeedup(Double.NaN, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConcurrencyIsNotParallelism.amdahlSpeedup(0.5, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void measurementDerivesFractionAndSpeedupsFromItsTimes() {
        var withOne = new Run(1, 25, 10, 90);
        var withMany = new Run(1, 25, 10, 40);
        var m = new Measurement(2, 2, withOne, withMany);

        assertThat(m.serialFraction()).isCloseTo(0.1, within(1e-12));
        assertThat(m.measuredSpeedup()).isCloseTo(2.0, within(1e-12));
        assertThat(m.predictedSpeedup()).isCloseTo(1 / (0.1 + 0.9 / 2), within(1e-12));
    }

    @Test
    void theJobsResultsDoNotDependOnHowManyGoroutinesShareIt() {
        var job = new Job(1_000, 50_000);

        Run one = ConcurrencyIsNotParallelism.time(job, 1);
        Run four = ConcurrencyIsNotParallelism.time(job, 4);

        assertThat(one.primes()).isEqualTo(5_133); // there are 5133 primes below 50000
        assertThat(four.primes()).isEqualTo(one.primes());
        assertThat(four.chainEnd()).isEqualTo(one.chainEnd());
    }

    @Test
    void isPrime() {
        assertThat(java.util.stream.IntStream.range(0, 30).filter(ConcurrencyIsNotParallelism::isPrime).boxed())
                .containsExactly(2, 3, 5, 7, 11, 13, 17, 19, 23, 29);
    }
}
