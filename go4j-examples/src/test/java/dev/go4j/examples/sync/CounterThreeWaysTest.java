package dev.go4j.examples.sync;

import dev.go4j.testing.Output;

class CounterThreeWaysTest {
    /** Every way counts every increment. */
    @Output("""
            mutex: 10000
            owner goroutine: 10000
            atomic: 10000
            """)
    void threeWaysOneTotal() {
        CounterThreeWays.run(CounterThreeWays.GOROUTINES, CounterThreeWays.INCREMENTS);
    }

    /** More goroutines than increments each: the same, at a different shape of contention. */
    @Output("""
            mutex: 1000
            owner goroutine: 1000
            atomic: 1000
            """)
    void manySmallGoroutines() {
        CounterThreeWays.run(100, 10);
    }
}
