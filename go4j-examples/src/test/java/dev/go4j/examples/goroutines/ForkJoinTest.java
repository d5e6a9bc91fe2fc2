package dev.go4j.examples.goroutines;

import dev.go4j.testing.Output;

class ForkJoinTest {
    @Output("""
            worker 0: 31250125000
            worker 1: 93750125000
            worker 2: 156250125000
            worker 3: 218750125000
            total: 500000500000, and n(n+1)/2 = 500000500000
            """)
    void mainJoinsTheWorkersBeforeReadingTheirResults() {
        ForkJoin.run();
    }
}
