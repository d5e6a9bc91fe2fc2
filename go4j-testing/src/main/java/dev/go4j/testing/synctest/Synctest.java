package dev.go4j.testing.synctest;

import dev.go4j.Task;
import dev.go4j.runtime.Bubbles;
import java.time.Duration;

/**
 * Go's {@code testing/synctest}: runs a test body in a bubble where time is fake and goroutines run one at a time,
 * so tests of timeouts, tickers and retries take no real time and always run the same way.
 *
 * {@snippet file="SynctestSnippets.java" region="synctest"}
 *
 * <p>The body and every goroutine it starts, transitively, form the bubble. They run on one carrier thread of
 * their own, in a fixed order, and the bubble's clock starts at 2000-01-01T00:00:00Z and moves only when every
 * goroutine of the bubble is durably blocked, straight to the next timer: {@code Time.sleep}, {@code Time.after},
 * tickers, timers, {@code afterFunc} and context deadlines all use it. Durably blocked means waiting in go4j for
 * something only the bubble can end: a send, receive or select on channels made in the bubble,
 * {@code Cond.await}, {@code WaitGroup.await} for a count started in the bubble, a sleep. A {@code Mutex} or
 * {@code RWMutex} wait is not (as in Go), nor is a JDK blocking call: I/O, JDK locks and JDK timed waits
 * ({@code Thread.sleep}) keep real time. Code that reads a {@link java.time.Clock} can be given
 * {@code Time.clock()}; {@code Instant.now()} and {@code System.nanoTime()} stay real.
 *
 * <p>Failures: while the body runs, every goroutine durably blocked with no timer pending is a deadlock; when the
 * body returns, the bubble's time stops and goroutines left durably blocked are a deadlock too. Both throw an
 * {@link AssertionError} with Go's message and the bubble's goroutine dump ({@code goroutine 8 [chan receive
 * (durable), synctest bubble 1]:}). What the body throws is rethrown as it is; what another goroutine of the bubble
 * throws fails the test. Using a bubble's channel, timer, {@code Cond} or {@code WaitGroup} from outside the bubble
 * is Go's fatal error. A bubble that runs nothing for 30 s of real time (a goroutine computing forever, a pinned
 * carrier) fails with its dump and the carrier's stack; {@code -Dgo4j.synctest.watchdogSeconds} changes the limit.
 *
 * <p>One carrier is go4j's choice (Go runs a bubble's goroutines in parallel): a bubble has no parallelism, and
 * anything that pins the carrier (native code, a class initialiser that waits) stops the whole bubble. It needs
 * {@code java.lang} opened to go4j, as go4j's scheduler does. For JUnit, see
 * {@link dev.go4j.testing.Synctest @Synctest}.
 */
public final class Synctest {
    private Synctest() {
    }

    /**
     * Runs {@code body} in a new bubble and returns when the body and every goroutine of the bubble have finished,
     * Go's {@code synctest.Test}.
     *
     * @param body the test body, the bubble's first goroutine
     * @throws AssertionError a deadlock or a stuck bubble, with the bubble's dump; or what a goroutine of the
     *     bubble threw
     * @throws dev.go4j.Panic if called from inside a bubble
     * @throws IllegalStateException if {@code java.lang} is not opened to go4j (the message names the flag)
     */
    public static void test(Task body) {
        Bubbles.test(body);
    }

    /**
     * Waits until every other goroutine of the current bubble is durably blocked, Go's {@code synctest.Wait}.
     *
     * @throws dev.go4j.Panic if the caller is not a goroutine of a bubble
     * @throws dev.go4j.FatalError if another goroutine of the bubble waits in it already
     */
    public static void await() {
        Bubbles.await();
    }

    /**
     * Sleeps for {@code d} of bubble time, then {@linkplain #await() waits} for the other goroutines to be durably
     * blocked, Go 1.27's {@code synctest.Sleep}.
     *
     * @param d how long to sleep
     * @throws dev.go4j.Panic if the caller is not a goroutine of a bubble
     */
    public static void sleep(Duration d) {
        Bubbles.sleep(d);
    }
}
