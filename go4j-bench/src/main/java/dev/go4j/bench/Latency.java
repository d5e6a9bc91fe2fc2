package dev.go4j.bench;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.Task;
import dev.go4j.time.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Scheduler rows 12 and 14: latencies, which JMH's averages do not show, measured with {@link System#nanoTime()}
 * inside the program. One process prints one line {@code latency METRIC SYSTEM NANOS} per sample, SYSTEM being
 * {@code go4j} or {@code go4j-jdk} (the scheduler goroutines ran on, checked as in {@link OnScheduler}):
 * <ul>
 *   <li>{@code first-timer}: how late the process's first timer ({@code Time.after(1 ms)}, received in a goroutine
 *       of {@code Go.main}) wakes its receiver, counted from just before the call; one sample per process, class
 *       loading and a cold JIT included (the issue: at most 1 ms);
 *   <li>{@code child-start}: the time from {@code Go.go(f)} in a goroutine to {@code f}'s first instruction; the
 *       parent then waits for the child on an unbuffered channel, so that one start never overlaps the next (as in
 *       Go, the child runs when the parent blocks unless another carrier takes it first); each sample is the mean
 *       of a batch of starts;
 *   <li>{@code timer-idle}: how late a 1 ms timer's receiver wakes when nothing else runs (every carrier idle);
 *       each sample is the median of a batch of timers, received one after the other (the issue: at most
 *       250 µs);
 *   <li>{@code timer-busy}: the same while a pair of goroutines plays ping-pong on unbuffered channels in the
 *       background, keeping one carrier busy (the issue: at most 50 µs).
 * </ul>
 * Batches before the measured ones warm the JIT up and are not printed. The report takes the mean and 99.9 %
 * interval of each metric's samples over all rounds, a fresh process each, as for the memory row. Go:
 * {@code go4j-bench/go/latency}, the same measurements with the same flags.
 *
 * <p>Usage: {@code java --add-opens java.base/java.lang=ALL-UNNAMED [-Dgo4j.scheduler=jdk] dev.go4j.bench.Latency
 * [-warmup W] [-batches K] [-spawns N] [-timers T]}.
 */
public final class Latency {
    /** Every timer's duration. */
    static final Duration TIMER = Duration.ofMillis(1);

    /** How much one process measures: warm-up and measured batches, starts and timers per batch. */
    record Plan(int warmup, int batches, int spawns, int timers) {
        static final Plan DEFAULT = new Plan(3, 5, 10_000, 100);
    }

    private Latency() {
    }

    public static void main(String[] args) {
        ProgramArgs a = ProgramArgs.parse(args, "usage: Latency [-warmup W] [-batches K] [-spawns N] [-timers T]",
                "-warmup", "-batches", "-spawns", "-timers");
        Plan d = Plan.DEFAULT;
        Plan plan = new Plan(a.get("-warmup", d.warmup()), a.get("-batches", d.batches()),
                a.get("-spawns", d.spawns()), a.get("-timers", d.timers()));
        Go.main(args, () -> measure(plan).forEach(System.out::println));
    }

    /** Every metric, as the lines the program prints; call before any other timer for a true first timer. */
    static List<String> measure(Plan plan) {
        String system = OnScheduler.system(OnScheduler.check());
        List<String> lines = new ArrayList<>();
        Parties.goroutines(() -> {
            lines.add(line("first-timer", system, timerLateness()));
            batches(lines, "child-start", system, plan, () -> childStart(plan.spawns()));
            batches(lines, "timer-idle", system, plan, () -> medianTimerLateness(plan.timers()));
            var busy = new PingPongPair(null);
            batches(lines, "timer-busy", system, plan, () -> medianTimerLateness(plan.timers()));
            busy.stop();
        });
        return lines;
    }

    private static void batches(List<String> lines, String metric, String system, Plan plan, DoubleSupplier batch) {
        for (int b = 0; b < plan.warmup() + plan.batches(); b++) {
            double nanos = batch.getAsDouble();
            if (b >= plan.warmup()) {
                lines.add(line(metric, system, nanos));
            }
        }
    }

    /** A sample line: {@code latency METRIC SYSTEM NANOS}, as the report reads it. */
    static String line(String metric, String system, double nanos) {
        return String.format(Locale.ROOT, "latency %s %s %.1f", metric, system, nanos);
    }

    /** How late one {@link #TIMER} wakes its receiver, in nanoseconds. */
    static long timerLateness() {
        long start = System.nanoTime();
        Time.after(TIMER).receive();
        return System.nanoTime() - start - TIMER.toNanos();
    }

    private static double medianTimerLateness(int timers) {
        long[] late = new long[timers];
        for (int i = 0; i < timers; i++) {
            late[i] = timerLateness();
        }
        Arrays.sort(late);
        return timers % 2 == 1 ? late[timers / 2] : (late[timers / 2 - 1] + late[timers / 2]) / 2.0;
    }

    /** The mean time from {@code Go.go} to the child's first instruction over {@code spawns} starts. */
    private static double childStart(int spawns) {
        Chan<Empty> done = Chan.make();
        // Written by each child before its send, read by the parent after the matching receive.
        long[] started = new long[1];
        Task child = () -> {
            started[0] = System.nanoTime();
            done.send(Empty.VALUE);
        };
        long total = 0;
        for (int i = 0; i < spawns; i++) {
            long start = System.nanoTime();
            Go.go(child);
            done.receive();
            total += started[0] - start;
        }
        return total / (double) spawns;
    }
}
