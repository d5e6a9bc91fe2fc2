package dev.go4j.examples.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Output;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeoutWithAfterTest {
    /** The fast services answer within their budget; the slow ones are held back until their callers give up. */
    @Output("""
            time.After, fast service: answered 42
            time.After, slow service: no answer within 50 ms
            NewTimer, fast service: answered 44
            NewTimer, fast service: timer stopped before it fired: true
            NewTimer, slow service: no answer within 50 ms
            NewTimer, slow service: timer stopped before it fired: false
            the slow services finished after their callers had given up
            """)
    void theFastServiceAnswersAndTheSlowOneTimesOut() {
        TimeoutWithAfter.run();
    }

    /** A zero timeout fires at once: a service that is held back never wins, and its goroutine still returns. */
    @Test
    void aZeroTimeoutGivesUpAtOnce() {
        var wg = new WaitGroup();
        Chan<Empty> gate = Chan.make();

        Optional<Integer> answer = TimeoutWithAfter.call(TimeoutWithAfter.service(7, gate), Duration.ZERO, wg);

        assertThat(answer).isEmpty();
        gate.close();
        wg.await();
    }
}
