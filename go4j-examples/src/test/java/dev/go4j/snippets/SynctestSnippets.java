package dev.go4j.snippets;

import static dev.go4j.Go.go;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.context.Context;
import dev.go4j.runtime.Bubbles;
import dev.go4j.testing.Output;
import dev.go4j.testing.Synctest;
import dev.go4j.time.Time;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;

/** The examples of synctest bubbles: dev.go4j.testing.synctest, dev.go4j.runtime.Bubbles and Time.clock(). */
class SynctestSnippets {
    @Output("""
            timed out at 2000-01-01T01:00:00Z
            """)
    void synctest() {
        // @start region="synctest"
        dev.go4j.testing.synctest.Synctest.test(() -> {
            Chan<String> reply = Chan.make();
            go(() -> { }); // a server that never answers
            select(
                onReceive(reply, r -> System.out.println("got " + r)),
                onReceive(Time.after(Duration.ofHours(1)), t -> System.out.println("timed out at " + t)));
        }); // the hour passes in bubble time: the test takes milliseconds
        // @end
    }

    @Output("""
            waited 5m in bubble time
            """)
    void bubble() {
        // @start region="bubble"
        Bubbles.test(() -> {
            Instant start = Time.now(); // 2000-01-01T00:00:00Z in every bubble
            try (var ctx = Context.withTimeout(Context.background(), Duration.ofMinutes(5))) {
                ctx.done().receive();
            }
            System.out.println("waited " + Duration.between(start, Time.now()).toMinutes() + "m in bubble time");
        });
        // @end
    }

    @Output("""
            2000-01-01T00:00:30Z
            """)
    void clock() {
        Bubbles.test(() -> {
            // @start region="clock"
            Clock clock = Time.clock(); // the bubble's time inside a bubble, the system's elsewhere
            Time.sleep(Duration.ofSeconds(30));
            System.out.println(clock.instant());
            // @end
        });
    }

    @Nested
    // @start region="annotation"
    class RetryTest {
        @Synctest
        void retriesEverySecondUntilTheServerAnswers() {
            Chan<String> answers = Chan.make(1);
            Instant start = Time.now();
            go(() -> {
                Time.sleep(Duration.ofSeconds(3)); // the server takes three seconds to come up
                answers.send("pong");
            });
            String answer = null;
            while (answer == null) {
                answer = answers.tryReceive() instanceof dev.go4j.TryReceive.Value<String>(var v) ? v : null;
                if (answer == null) {
                    Time.sleep(Duration.ofSeconds(1)); // bubble time: no real waiting
                }
            }
            assertThat(Duration.between(start, Time.now())).isEqualTo(Duration.ofSeconds(3));
        }
    }
    // @end
}
