package dev.go4j.snippets;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.ReceiveChan;
import dev.go4j.testing.Output;
import dev.go4j.time.Ticker;
import dev.go4j.time.Time;
import dev.go4j.time.Timer;
import java.time.Duration;
import java.time.Instant;

/** The examples of package {@code dev.go4j.time}. */
class TimeSnippets {
    @Output("""
            got 42
            timed out
            """)
    void time() {
        Chan<String> results = Chan.make(1);
        results.send("42");
        awaitResult(results);
        awaitResult(results); // nothing more comes: the timer's case after a second
    }

    static void awaitResult(ReceiveChan<String> results) {
        // @start region="time"
        select(
            onReceive(results, r -> System.out.println("got " + r)),
            onReceive(Time.after(Duration.ofSeconds(1)), t -> System.out.println("timed out")));
        // @end
    }

    /** Nobody closes {@code done}, so the timer fires. */
    @Output("too slow")
    void timer() {
        race(Chan.make());
    }

    static void race(ReceiveChan<Empty> done) {
        // @start region="timer"
        Timer timer = Time.newTimer(Duration.ofMillis(50));
        select(
            onReceive(done, v -> timer.stop()),
            onReceive(timer.c(), t -> System.out.println("too slow")));
        // @end
    }

    @Output("""
            alive
            alive
            alive
            """)
    void ticker() {
        // @start region="ticker"
        Ticker heartbeat = Time.newTicker(Duration.ofMillis(100));
        try {
            int beats = 0;
            for (Instant t : heartbeat.c()) {
                sendHeartbeat(t);
                if (++beats == 3) {
                    break; // a ticker's channel is never closed: leave the loop, and stop the ticker
                }
            }
        } finally {
            heartbeat.stop();
        }
        // @end
    }

    /** Where the {@code Ticker} example's heartbeats go; {@code due} is when the tick was due. */
    static void sendHeartbeat(Instant due) {
        System.out.println("alive");
    }
}
