package dev.go4j.internal.synctest;

import dev.go4j.Task;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.sched.BubbleCarrier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/*
 * Implementation notes.
 *
 * Schedule exploration with exact replay, on a synctest bubble. In an exploring bubble every go4j operation of a
 * goroutine is a scheduling point (Bubble.point: the goroutine records what it is about to do and yields), so the
 * bubble's carrier holds every runnable goroutine at each decision and this chooser picks the next one. Everything
 * that varies from one schedule to the next comes from one seed: the decisions, and go4j's own random choices in
 * the bubble (select's poll order, from a generator split off the seed). The same seed gives the same schedule.
 *
 * Strategies, drawn from the seed, half and half:
 *   random walk  every decision uniform among the runnable goroutines;
 *   PCT          probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): each goroutine gets a random
 *                priority when first seen, the highest runnable one always runs, and at DEPTH - 1 change points
 *                drawn uniformly from the first CHANGE_WINDOW decisions the running goroutine drops below every
 *                initial priority; a bug of depth d is found with probability at least 1/(n k^(d-1)).
 *
 * The trace is the decisions in the bubble's own numbering ("g2 chan send #1": goroutine 2 of the bubble, about to
 * send on the bubble's first primitive), so it reads the same in every run of one schedule; its hash tells distinct
 * interleavings apart. Replay runs a seed twice and compares the traces: a body that is not deterministic given its
 * schedule (a real clock, ThreadLocalRandom, I/O, iteration over identity hashes) shows as the first decision where
 * they differ. Code between two go4j operations runs without interruption on the one carrier, so data races on plain
 * fields and memory-model bugs are out of reach.
 */

/** A schedule of an exploring bubble, and the exploration driver; see the implementation notes. */
public final class Exploration implements BubbleCarrier.Chooser {
    private static final int DEPTH = 3;
    private static final int CHANGE_WINDOW = 256;
    /** How many decisions a trace keeps (the hash covers them all). */
    private static final int TRACE_LIMIT = 10_000;

    private final SplittableRandom decisions;
    private final SplittableRandom choices;
    private final boolean pct;
    private final Set<Integer> changePoints = new HashSet<>();
    private final Map<Thread, Integer> priorities = new HashMap<>();
    private final List<String> trace = new ArrayList<>();
    private long hash = 17;
    private int steps;
    private Bubble bubble;
    private BubbleCarrier carrier;

    private Exploration(long seed) {
        this.decisions = new SplittableRandom(seed);
        this.choices = decisions.split();
        this.pct = decisions.nextBoolean();
        while (changePoints.size() < DEPTH - 1) {
            changePoints.add(1 + decisions.nextInt(CHANGE_WINDOW));
        }
    }

    /** How one schedule ended: its failure (or null) and its decisions. */
    public record Schedule(long seed, Throwable failure, List<String> trace, long hash) {
    }

    /** What {@link #explore} found. */
    public record Report(int schedules, int distinctInterleavings, Schedule failing) {
    }

    /** Runs {@code body} under the schedule of {@code seed}. */
    public static Schedule runSchedule(long seed, Task body) {
        Exploration exploration = new Exploration(seed);
        Throwable failure = BubbleRun.run(body, exploration);
        return new Schedule(seed, failure, List.copyOf(exploration.trace), exploration.hash);
    }

    /**
     * Runs {@code body} under up to {@code schedules} schedules drawn from {@code seed}, stopping at the first that
     * fails.
     */
    public static Report explore(int schedules, long seed, Task body) {
        if (schedules < 1) {
            throw new IllegalArgumentException("schedules must be at least 1, was " + schedules);
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>();
        for (int i = 1; i <= schedules; i++) {
            Schedule schedule = runSchedule(seeds.nextLong(), body);
            seen.add(schedule.hash);
            if (schedule.failure != null) {
                return new Report(i, seen.size(), schedule);
            }
        }
        return new Report(schedules, seen.size(), null);
    }

    /**
     * Runs the schedule of {@code seed} twice; throws an AssertionError naming the first differing decision if the
     * runs differ, else rethrows what the schedule's run threw, if anything.
     */
    public static void replay(long seed, Task body) {
        Schedule first = runSchedule(seed, body);
        Schedule second = runSchedule(seed, body);
        String divergence = divergence(first.trace, second.trace);
        if (divergence != null || first.hash != second.hash) {
            throw new AssertionError("replay of seed " + seed + " diverged: the body is not deterministic given"
                    + " its schedule (a real clock, ThreadLocalRandom, I/O, iteration over identity hashes?); "
                    + (divergence != null ? divergence : "the traces differ past the first " + TRACE_LIMIT
                            + " decisions"));
        }
        if (first.failure != null) {
            throw BubbleRun.rethrow(first.failure);
        }
    }

    private static String divergence(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "decision " + (i + 1) + " was \"" + a.get(i) + "\", then \"" + b.get(i) + "\"";
            }
        }
        if (a.size() != b.size()) {
            return "one run made " + a.size() + " decisions, the other " + b.size();
        }
        return null;
    }

    void attach(Bubble bubble, BubbleCarrier carrier) {
        this.bubble = bubble;
        this.carrier = carrier;
        bubble.explore(choices);
        carrier.setChooser(this);
    }

    @Override
    public int choose(List<Runnable> runnable) {
        steps++;
        int index = pct ? highestPriority(runnable) : decisions.nextInt(runnable.size());
        if (pct && changePoints.contains(steps)) {
            priorities.put(threadOf(runnable.get(index)), DEPTH - changePoints.size()); // below every initial one
            changePoints.remove(steps);
            index = highestPriority(runnable);
        }
        String decision = bubble.decision(threadOf(runnable.get(index)));
        hash = hash * 31 + decision.hashCode();
        if (trace.size() < TRACE_LIMIT) {
            trace.add(decision);
        }
        return index;
    }

    private Thread threadOf(Runnable task) {
        return carrier.threadOf(task);
    }

    private int highestPriority(List<Runnable> runnable) {
        int best = 0;
        int bestPriority = Integer.MIN_VALUE;
        for (int i = 0; i < runnable.size(); i++) {
            Thread thread = threadOf(runnable.get(i));
            int priority = priorities.computeIfAbsent(thread, t -> DEPTH + decisions.nextInt(1 << 20));
            if (priority > bestPriority) {
                best = i;
                bestPriority = priority;
            }
        }
        return best;
    }
}
