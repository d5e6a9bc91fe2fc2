package dev.go4j.examples.goroutines;

import dev.go4j.testing.Output;
import dev.go4j.testing.UnorderedOutput;

class NoOrderTest {
    /** The goroutines' own prints: any order, so the comparison ignores it. */
    @UnorderedOutput("""
            coming from: goroutine 1
            coming from: goroutine 2
            coming from: goroutine 3
            coming from: goroutine 4
            coming from: goroutine 5
            """)
    void goroutinesPrintInAnyOrder() {
        NoOrder.run();
    }

    /** Main sorts what the goroutines handed over: an order the program itself guarantees. */
    @Output("""
            coming from: goroutine 1
            coming from: goroutine 2
            coming from: goroutine 3
            coming from: goroutine 4
            coming from: goroutine 5
            """)
    void collectedResultsAreSorted() {
        NoOrder.runCollected();
    }
}
