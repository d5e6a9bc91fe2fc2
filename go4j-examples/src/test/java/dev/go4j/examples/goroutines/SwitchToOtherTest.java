package dev.go4j.examples.goroutines;

import dev.go4j.testing.Output;

/**
 * Only the WaitGroup version has an example. The sleep version (SwitchToOther.withSleep) has none on purpose: its
 * order depends on the goroutine being scheduled within 8 ms, which a loaded machine does not promise.
 */
class SwitchToOtherTest {
    @Output("""
            waitgroup: hello from the goroutine
            waitgroup: main knows the goroutine has finished
            """)
    void withWaitGroup() {
        SwitchToOther.withWaitGroup();
    }
}
