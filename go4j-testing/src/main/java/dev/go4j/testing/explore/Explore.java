package dev.go4j.testing.explore;

import dev.go4j.Task;
import dev.go4j.runtime.Bubbles;
import dev.go4j.runtime.ExplorationReport;

/**
 * Schedule exploration with exact replay: runs a body in a synctest bubble under many schedules and reports the
 * first failure with a seed that replays it. Finds the ordering bugs that plain repeated runs rarely hit.
 *
 * {@snippet file="ExploreSnippets.java" region="explore"}
 *
 * <p>In an exploring bubble every go4j operation is a scheduling point: a goroutine start, a channel send, receive
 * or close, a select, a lock or unlock, {@code WaitGroup}, {@code Cond} and {@code Once} operations, a sleep,
 * {@code Go.gosched()}. At each, the bubble chooses which runnable goroutine goes next, by a strategy drawn from
 * the schedule's seed: a uniform random walk, or PCT (probabilistic concurrency testing, which finds bugs of small
 * depth with a probability it bounds). Select's random choice comes from the same seed. A failure is an exception
 * of the body or of any goroutine of the bubble, a deadlock (with the bubble's dump), or goroutines left blocked when
 * the body returns.
 *
 * <p>The body must be deterministic given its schedule: a real clock, {@code ThreadLocalRandom}, I/O or iteration
 * over identity hashes make replay diverge, which {@link #replay} detects and reports. Code between two go4j
 * operations runs without interruption on the bubble's one carrier, so data races on plain fields and memory-model
 * bugs are out of scope: exploration finds ordering bugs. For JUnit, see {@link dev.go4j.testing.Explore @Explore}.
 */
public final class Explore {
    private Explore() {
    }

    /**
     * Runs {@code body} under up to {@code schedules} schedules drawn from {@code seed}, stopping at the first
     * failure.
     *
     * @param schedules how many schedules to try at most, at least 1
     * @param seed the seed the schedules' seeds come from: the same seed tries the same schedules
     * @param body the body, run once per schedule in a bubble of its own
     * @return what was found
     * @throws IllegalArgumentException if {@code schedules} is below 1
     */
    public static ExploreResult run(int schedules, long seed, Task body) {
        ExplorationReport report = Bubbles.explore(schedules, seed, body);
        return new ExploreResult(report.schedules(), report.distinctInterleavings(), report.failure(),
                report.failingSeed(), report.trace());
    }

    /**
     * Runs {@code body} under the schedule of {@code seed} (an {@link ExploreResult#failingSeed()}) and rethrows
     * the failure it produces. It runs the schedule twice and compares their decisions, so a body that is not
     * deterministic given its schedule fails with an {@link AssertionError} naming the first decision that
     * differed.
     *
     * @param seed the schedule's seed
     * @param body the body
     */
    public static void replay(long seed, Task body) {
        Bubbles.replay(seed, body);
    }
}
