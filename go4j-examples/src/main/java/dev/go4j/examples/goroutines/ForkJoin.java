package dev.go4j.examples.goroutines;

import dev.go4j.Go;
import dev.go4j.sync.WaitGroup;

/**
 * Lesson: the fork-join model. Main forks workers ({@code go}), each doing part of a job, then joins them (waits
 * until all have finished) before it uses their results. In go4j, as in Go, the join is a {@link WaitGroup}:
 * {@code wg.go(worker)} forks and counts, {@code wg.await()} is the join point.
 *
 * <p>Don't use sleep to synchronise. "Sleep long enough for the workers to finish" is a guess: too short on a loaded
 * machine (main reads results that are not there yet), and too long everywhere else. The join is also what makes
 * the workers' results visible to main: each worker's {@code done()} happens-before the {@code await()} it
 * releases returns, so main reads {@code partialSums} without locks or volatile fields. After a sleep there is no
 * such guarantee at all.
 *
 * <p>Here four workers sum the numbers 1 to 1 000 000, a quarter each; main joins them and adds the partial sums,
 * then checks the total against Gauss's formula n(n+1)/2.
 *
 * {@snippet :
 * ForkJoin.run(); // four partial sums, then their total
 * }
 */
public final class ForkJoin {
    /** How many workers main forks. */
    static final int WORKERS = 4;
    /** The job: sum 1..N. */
    static final long N = 1_000_000;

    private ForkJoin() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, ForkJoin::run);
    }

    /** Forks the workers, joins them, and prints their results. */
    static void run() {
        long[] partialSums = new long[WORKERS];
        long chunk = N / WORKERS;
        var wg = new WaitGroup();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            long from = w * chunk + 1;
            long to = w == WORKERS - 1 ? N : from + chunk - 1;
            wg.go(() -> partialSums[worker] = sum(from, to)); // fork
        }
        wg.await(); // join: every worker has finished, and its write to partialSums is visible here

        long total = 0;
        for (int w = 0; w < WORKERS; w++) {
            System.out.println("worker " + w + ": " + partialSums[w]);
            total += partialSums[w];
        }
        System.out.println("total: " + total + ", and n(n+1)/2 = " + N * (N + 1) / 2);
    }

    /** The sum of from..to, computed the slow way, as real work would be. */
    static long sum(long from, long to) {
        long sum = 0;
        for (long i = from; i <= to; i++) {
            sum += i;
        }
        return sum;
    }
}
