package dev.go4j.examples.goroutines;

import dev.go4j.Go;
import dev.go4j.sync.WaitGroup;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Lesson: goroutines run in no particular order. Five goroutines each print {@code coming from: goroutine N}; the
 * lines come out in whatever order the goroutines happen to run, which changes from run to run and from machine to
 * machine.
 *
 * <p>An example with an ordered expected output would be flaky: on a quiet machine the goroutines often do run in
 * the order they were started, so the test passes for weeks and then fails on a busy CI runner. Two honest ways to
 * test such a program:
 *
 * <ul>
 *   <li>{@link #run()} is checked with {@code @UnorderedOutput} (Go's {@code // Unordered output:}), which compares
 *       the lines as a multiset;</li>
 *   <li>{@link #runCollected()} makes the order part of the program: the goroutines hand their results over (here to
 *       a concurrent queue), and main sorts them after the WaitGroup says everyone finished, so an ordered
 *       {@code @Output} is right.</li>
 * </ul>
 *
 * <p>Schedule exploration ({@code Explore.run} in go4j-testing, lesson {@code race-replay}) proves the point
 * instead of hoping for a busy machine: it runs the program under many schedules, and an ordered check of
 * {@code run}'s lines fails on one of them, while {@code runCollected} passes them all.
 *
 * {@snippet :
 * NoOrder.run();          // the five lines, in any order
 * NoOrder.runCollected(); // the five lines, sorted
 * }
 */
public final class NoOrder {
    /** How many goroutines print. */
    static final int GOROUTINES = 5;

    private NoOrder() {
    }

    /**
     * Runs the lesson as a Go program: both versions, one after the other.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> {
            System.out.println("as they run:");
            run();
            System.out.println("collected, then sorted:");
            runCollected();
        });
    }

    /** Every goroutine prints its own line; the order is up to the scheduler. */
    static void run() {
        run(System.out::println);
    }

    /** {@link #run()} with the lines going to {@code print}: the form a test explores (see the class comment). */
    static void run(Consumer<String> print) {
        var wg = new WaitGroup();
        for (int i = 1; i <= GOROUTINES; i++) {
            int n = i;
            wg.go(() -> print.accept(line(n)));
        }
        wg.await();
    }

    /** Every goroutine hands its line to main, which sorts them once all have finished. */
    static void runCollected() {
        runCollected(System.out::println);
    }

    /** {@link #runCollected()} with the lines going to {@code print}. */
    static void runCollected(Consumer<String> print) {
        var lines = new ConcurrentLinkedQueue<String>();
        var wg = new WaitGroup();
        for (int i = 1; i <= GOROUTINES; i++) {
            int n = i;
            wg.go(() -> lines.add(line(n)));
        }
        wg.await();
        lines.stream().sorted().forEach(print);
    }

    private static String line(int n) {
        return "coming from: goroutine " + n;
    }
}
