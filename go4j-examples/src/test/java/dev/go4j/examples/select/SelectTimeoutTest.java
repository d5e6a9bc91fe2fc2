package dev.go4j.examples.select;

import dev.go4j.testing.Output;

class SelectTimeoutTest {
    /** The fast servers always answer; the slow ones are held back until their askers have given up. */
    @Output("""
            time.After: fast server answered 42
            time.After: slow server gave no answer within 100 ms
            select(timeout): fast server answered 44
            select(timeout): slow server gave no answer within 100 ms
            late answers left in the buffers: 2
            """)
    void theFastServerAnswersAndTheSlowOneTimesOut() {
        SelectTimeout.run();
    }
}
