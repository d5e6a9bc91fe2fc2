package dev.go4j.examples.time;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.onSend;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.sync.WaitGroup;
import dev.go4j.time.Ticker;
import dev.go4j.time.Time;
import java.time.Duration;
import java.time.Instant;

/**
 * Lesson: rate limiting with a ticker. To handle at most one request per period, take a tick before each one; the
 * ticker paces the loop. In Go:
 *
 * <pre>{@code
 * limiter := time.Tick(20 * time.Millisecond)
 * for req := range requests {
 *     <-limiter // wait for the next tick
 *     handle(req)
 * }
 * }</pre>
 *
 * <p>To allow short bursts while keeping the long-run rate, hand out tokens from a buffered channel instead: fill
 * it with as many tokens as the burst may have, and let a goroutine put one more back on every tick. A request
 * takes a token; while the buffer holds some, requests pass at once, and once it is empty they wait for the ticker
 * again. A full buffer makes the refilling goroutine wait, and the ticker drops the ticks it misses meanwhile, so
 * tokens never accumulate beyond the burst size.
 *
 * <pre>{@code
 * tokens := make(chan time.Time, 3)
 * for range 3 {
 *     tokens <- time.Now() // the burst
 * }
 * go func() {
 *     for t := range time.Tick(20 * time.Millisecond) {
 *         tokens <- t // one more per tick, when there is room
 *     }
 * }()
 * for req := range requests {
 *     <-tokens
 *     handle(req)
 * }
 * }</pre>
 *
 * <p>That refilling goroutine runs for ever; here it also watches a done channel, and stops its ticker and returns
 * when main is finished, and main joins it. The lesson prints no clock times, which differ on every run. It prints
 * the requests in the order they are handled, which token let each one through (a token is the burst's or a
 * tick's: the burst's three come out of the buffer first, since a channel's buffer is a queue), and whether the
 * whole run took at least as long as the limit demands: five requests at one per tick take at least five periods;
 * with a burst of three, at least two. How much longer it took depends on the machine, so it is not printed.
 *
 * {@snippet :
 * Ticker limiter = Time.newTicker(RateLimit.PERIOD);
 * for (int request : requests) {
 *     limiter.c().receive(); // one request per tick
 *     handle(request);
 * }
 * limiter.stop();
 * }
 */
public final class RateLimit {
    /** The limit: one request per period. */
    static final Duration PERIOD = Duration.ofMillis(20);
    /** How many requests may pass at once after a quiet spell. */
    static final int BURST = 3;
    /** How many requests each limiter handles. */
    static final int REQUESTS = 5;

    private RateLimit() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, RateLimit::run);
    }

    /** Runs the steady limiter, then the bursty one. */
    static void run() {
        steady();
        bursty();
    }

    /** One request per tick. */
    static void steady() {
        ReceiveChan<Integer> requests = requests(REQUESTS);
        Instant start = Time.now();
        Ticker limiter = Time.newTicker(PERIOD);
        try {
            for (int request : requests) {
                limiter.c().receive(); // wait for the next tick
                System.out.println("steady: request " + request);
            }
        } finally {
            limiter.stop();
        }
        report("steady", REQUESTS, Time.now().compareTo(start.plus(PERIOD.multipliedBy(REQUESTS))) >= 0);
    }

    /** Where a token came from. */
    enum Source {
        /** Put in the buffer before the first request: the burst allowance. */
        BURST,
        /** Put back by the refilling goroutine on a tick. */
        TICK
    }

    /** Up to {@link #BURST} requests at once, then one per tick. */
    static void bursty() {
        Chan<Source> tokens = Chan.make(BURST);
        for (int i = 0; i < BURST; i++) {
            tokens.send(Source.BURST);
        }
        Chan<Empty> done = Chan.make();
        var wg = new WaitGroup();
        Instant start = Time.now();
        wg.go(() -> refill(tokens, done));

        for (int request : requests(REQUESTS)) {
            Source token = tokens.receive();
            System.out.println("bursty: request " + request + " (" + token.name().toLowerCase() + " token)");
        }
        done.close(); // stop refilling
        wg.await();
        // Requests 4 and 5 took tick tokens: the second of those was due two periods after the ticker started.
        report("bursty", REQUESTS - BURST, Time.now().compareTo(start.plus(PERIOD.multipliedBy(REQUESTS - BURST)))
                >= 0);
    }

    /** Puts a token into {@code tokens} on every tick (when there is room), until {@code done} is closed. */
    static void refill(Chan<Source> tokens, ReceiveChan<Empty> done) {
        Ticker ticker = Time.newTicker(PERIOD);
        try {
            var stop = new boolean[1];
            while (!stop[0]) {
                select(
                        onReceive(ticker.c(), t -> select(
                                onSend(tokens, Source.TICK, () -> { }),
                                onReceive(done, v -> stop[0] = true))),
                        onReceive(done, v -> stop[0] = true));
            }
        } finally {
            ticker.stop();
        }
    }

    /** A closed channel holding the request ids 1..n, in order: the queue of requests waiting to be handled. */
    static ReceiveChan<Integer> requests(int n) {
        Chan<Integer> requests = Chan.make(n);
        for (int id = 1; id <= n; id++) {
            requests.send(id);
        }
        requests.close();
        return requests;
    }

    private static void report(String limiter, int periods, boolean atLeast) {
        System.out.println(limiter + ": took at least " + periods + " periods (" + PERIOD.multipliedBy(periods)
                .toMillis() + " ms): " + atLeast);
    }
}
