package dev.go4j.examples.time;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.onSend;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.SendChan;
import dev.go4j.sync.WaitGroup;
import dev.go4j.time.Ticker;
import dev.go4j.time.Time;
import java.time.Duration;

/**
 * Lesson: a heartbeat. A goroutine driven by a {@link Ticker} sends a beat at a steady pace, so that whoever
 * listens knows it is alive, until a done channel tells it to stop. In Go:
 *
 * <pre>{@code
 * func heartbeat(done <-chan struct{}, beats chan<- int, period time.Duration) {
 *     ticker := time.NewTicker(period)
 *     defer ticker.Stop()
 *     for n := 1; ; n++ {
 *         select {
 *         case <-done:
 *             return
 *         case <-ticker.C:
 *         }
 *         select {
 *         case beats <- n:
 *         case <-done:
 *             return
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Three habits make it stop cleanly. Every place the goroutine can wait also waits on {@code done}: the tick,
 * and the send of the beat too, for a listener that has stopped listening never takes it. The ticker is stopped on
 * the way out ({@code defer ticker.Stop()}, here {@code finally}), so it stops scheduling ticks at once rather
 * than when the garbage collector gets to it. And main joins the goroutine after closing {@code done}, so that it
 * has really finished, not merely been asked to.
 *
 * <p>Main takes exactly three beats, then closes {@code done}. The beats channel is unbuffered, so a send completes
 * only when main takes the beat: the goroutine counts exactly three delivered, whatever the timing, and its fourth
 * beat (if its tick came) is abandoned in the select, never delivered. A slow listener also shows a property of
 * tickers: ticks do not pile up; at most one is waiting, the rest are dropped.
 *
 * {@snippet :
 * Chan<Empty> done = Chan.make();
 * Chan<Integer> beats = Chan.make();
 * wg.go(() -> Heartbeat.heartbeat(done, beats, Duration.ofMillis(10)));
 * beats.receive(); // alive
 * done.close();    // stop
 * wg.await();      // stopped
 * }
 */
public final class Heartbeat {
    /** Time between beats. */
    static final Duration PERIOD = Duration.ofMillis(10);
    /** How many beats main takes before it stops the heartbeat. */
    static final int BEATS = 3;

    private Heartbeat() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, Heartbeat::run);
    }

    /** Starts the heartbeat, takes {@link #BEATS} beats, stops it and joins it. */
    static void run() {
        Chan<Empty> done = Chan.make();
        Chan<Integer> beats = Chan.make();
        var wg = new WaitGroup();
        wg.go(() -> {
            int delivered = heartbeat(done, beats, PERIOD);
            System.out.println("heartbeat: ticker stopped after " + delivered + " beats delivered");
        });

        for (int i = 0; i < BEATS; i++) {
            System.out.println("main: beat " + beats.receive());
        }
        done.close(); // stop, whatever the heartbeat is doing now
        wg.await();   // and wait until it has stopped
        System.out.println("main: heartbeat joined");
    }

    /**
     * Sends beats 1, 2, 3, … on {@code beats}, one per {@code period}, until {@code done} is closed.
     *
     * @return how many beats were delivered
     */
    static int heartbeat(ReceiveChan<Empty> done, SendChan<Integer> beats, Duration period) {
        Ticker ticker = Time.newTicker(period);
        try {
            for (int n = 1; ; n++) {
                var stop = new boolean[1];
                select(
                        onReceive(done, v -> stop[0] = true),
                        onReceive(ticker.c(), t -> { }));
                if (!stop[0]) {
                    select(
                            onSend(beats, n, () -> { }),
                            onReceive(done, v -> stop[0] = true));
                }
                if (stop[0]) {
                    return n - 1;
                }
            }
        } finally {
            ticker.stop(); // Go's defer ticker.Stop()
        }
    }
}
