package dev.go4j.examples.testing;

import dev.go4j.testing.Output;
import dev.go4j.testing.VerifyNoLeaks;

class LeakCheckTest {
    /** The two losers of the unbuffered query are caught in chan send; the lesson then releases them. */
    @Output("""
            unbuffered: an answer came: true
            unbuffered: the leak check failed, 2 goroutines left:
              goroutine [chan send]:
              goroutine [chan send]:
            buffered:   an answer came: true
            buffered:   no goroutine left behind
            """)
    @VerifyNoLeaks
    void theLeakIsCaughtAndTheFixPasses() {
        LeakCheck.run();
    }
}
