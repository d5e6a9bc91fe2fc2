package dev.go4j.examples.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.testing.Output;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeTimeTest {
    /** Bubble time starts at 2000-01-01 and jumps to each timer; the reply at 59 minutes beats the hour. */
    @Output("""
            slow server: reply: pong at 2000-01-01T00:59:00Z
            no server:   timed out after PT1H at 2000-01-01T01:00:00Z
            bubble time passed: PT1H
            a second before the deadline, done holds 0 values
            at the deadline: timed out after PT1H
            """)
    void anHourOfTimeoutsPassesInTheBubble() {
        FakeTime.run();
    }

    /** Three hours of bubble time (and the lesson's other waits) take no real hour: a bound far above the need. */
    @Test
    void theLessonTakesNoRealTime() {
        long t0 = System.nanoTime();
        FakeTime.run();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    }
}
