package dev.go4j.runtime;

import dev.go4j.Task;
import dev.go4j.internal.synctest.BubbleRun;
import dev.go4j.internal.synctest.Exploration;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Synctest bubbles, the runtime support behind go4j-testing's {@code Synctest} (Go's {@code testing/synctest}):
 * a body and every goroutine it starts run on one carrier thread of their own, with a fake clock that starts at
 * 2000-01-01T00:00:00Z and moves only when every goroutine of the bubble is durably blocked, straight to the next
 * timer. Tests use {@code dev.go4j.testing.synctest.Synctest}, which adds JUnit's {@code @Synctest}; this class is
 * for tools built on the same machinery.
 *
 * {@snippet file="SynctestSnippets.java" region="bubble"}
 *
 * <p>{@link #explore} runs a body under many schedules and {@link #replay} runs one of them again, exactly.
 *
 * <p>Durably blocked means waiting in go4j for something only the bubble can end: a send, receive or select on
 * channels made in the bubble, {@code Cond.await}, {@code WaitGroup.await} for a count started in the bubble, a
 * sleep, the nil channel, {@code select()} with no cases. A {@code Mutex}, {@code RWMutex} or semaphore wait is
 * not (as in Go: the lock may be held outside the bubble), nor is a JDK blocking call (I/O, a JDK lock, a JDK timed
 * wait, which keep real time). Code that reads the time through a {@link java.time.Clock} can be given
 * {@code dev.go4j.time.Time.clock()}, which reads the bubble's time inside a bubble; {@code Instant.now()} and
 * {@code System.nanoTime()} stay real.
 *
 * <p>One carrier: a bubble has no parallelism, and anything that pins its carrier (a native frame, a class
 * initialiser that waits) stops the whole bubble; a bubble that runs nothing for 30 s of real time fails with its
 * dump and the carrier's stack. Using a bubble's channel, timer, {@code Cond} or {@code WaitGroup} from outside the
 * bubble is Go's fatal error ({@code send on synctest channel from outside bubble}, …).
 */
public final class Bubbles {
    private Bubbles() {
    }

    /**
     * Runs {@code body} in a new bubble and returns when it and every goroutine it started have finished, Go's
     * {@code synctest.Test}. When the body returns, the bubble's time stops; if the goroutines left are all durably
     * blocked, that is a deadlock.
     *
     * @param body the bubble's first goroutine
     * @throws AssertionError {@code deadlock: all goroutines in bubble are blocked} (while the body runs, no
     *     goroutine can run and no timer is pending), {@code deadlock: main bubble goroutine has exited but blocked
     *     goroutines remain}, or a stuck bubble, each with the bubble's goroutine dump; or what a goroutine of the
     *     bubble threw
     * @throws dev.go4j.Panic if called from inside a bubble
     * @throws IllegalStateException if the JVM does not open {@code java.lang} to go4j (a bubble's carrier needs
     *     it; the message names the flag)
     */
    public static void test(Task body) {
        BubbleRun.test(Objects.requireNonNull(body, "body"));
    }

    /**
     * Waits until every other goroutine of the current bubble is durably blocked, Go's {@code synctest.Wait};
     * wait reason {@code synctest.Wait}. The bubble's time does not move while it waits.
     *
     * @throws dev.go4j.Panic if the caller is not a goroutine of a bubble
     * @throws dev.go4j.FatalError if another goroutine of the bubble is waiting in it already
     * @throws dev.go4j.Interrupted if interrupted while it waits
     */
    public static void await() {
        BubbleRun.await();
    }

    /**
     * Runs {@code body} in a fresh bubble under up to {@code schedules} schedules drawn from {@code seed}, and
     * reports the first that fails: schedule exploration. In an exploring bubble every go4j operation (a goroutine
     * start, a channel send, receive or close, a select, a lock or unlock, WaitGroup and Cond operations, Once, a
     * sleep, {@code Go.gosched()}) is a scheduling point where the bubble chooses which goroutine goes next, by
     * a strategy drawn from the seed (a uniform random walk, or PCT, probabilistic concurrency testing); select's
     * random choices come from the same seed. Code between two go4j operations runs without interruption, so data
     * races on plain fields and memory-model bugs are out of reach: exploration finds ordering bugs.
     *
     * @param schedules how many schedules to try at most, at least 1
     * @param seed where the schedules' seeds come from
     * @param body the bubble's body, run once per schedule
     * @return the report; its failing seed replays the failure with {@link #replay}
     * @throws IllegalArgumentException if {@code schedules} is below 1
     */
    public static ExplorationReport explore(int schedules, long seed, Task body) {
        Objects.requireNonNull(body, "body");
        Exploration.Report report = Exploration.explore(schedules, seed, body);
        Exploration.Schedule failing = report.failing();
        return new ExplorationReport(report.schedules(), report.distinctInterleavings(),
                failing == null ? Optional.empty() : Optional.of(failing.failure()),
                failing == null ? OptionalLong.empty() : OptionalLong.of(failing.seed()),
                failing == null ? List.of() : failing.trace());
    }

    /**
     * Runs {@code body} under the schedule of {@code seed} (a failing seed of {@link #explore}) and rethrows what
     * it throws. It runs the schedule twice and compares the decisions: if they differ, the body is not
     * deterministic given its schedule (it reads a real clock, uses {@code ThreadLocalRandom}, does I/O, iterates
     * over identity hashes), and this throws an {@link AssertionError} naming the first decision that differed.
     *
     * @param seed the schedule's seed
     * @param body the bubble's body
     */
    public static void replay(long seed, Task body) {
        Exploration.replay(seed, Objects.requireNonNull(body, "body"));
    }

    /**
     * Sleeps for {@code d} on the bubble's clock, then {@link #await() waits}, Go 1.27's {@code synctest.Sleep}:
     * when it returns, the bubble's time has moved by {@code d} and every other goroutine is durably blocked.
     *
     * @param d how long to sleep
     * @throws dev.go4j.Panic if the caller is not a goroutine of a bubble
     */
    public static void sleep(Duration d) {
        BubbleRun.sleep(Objects.requireNonNull(d, "d"));
    }
}
