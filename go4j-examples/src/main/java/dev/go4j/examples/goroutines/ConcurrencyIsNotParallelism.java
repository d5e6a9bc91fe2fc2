package dev.go4j.examples.goroutines;

import dev.go4j.Go;
import dev.go4j.sync.WaitGroup;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Lesson: concurrency is not parallelism. Concurrency is how a program is structured (independent goroutines);
 * parallelism is how many of them a machine actually runs at the same instant, at most
 * {@link Go#gomaxprocs()}. Splitting a job over N goroutines makes it at most N times faster, and less than
 * that, because the part that cannot be split still runs on one processor.
 *
 * <p>Amdahl's law puts a number on it: a job whose serial fraction is {@code s} runs at most
 * {@code 1 / (s + (1 - s) / p)} times faster on {@code p} processors, and never more than {@code 1 / s} times,
 * however many processors there are. A job that is 95 % parallel gets about 9.14× on 16 processors, and at most
 * 20×.
 *
 * <p>The lesson first prints that law for a 95 % parallel job ({@link #law()}, checked by an example), then measures
 * a real CPU-bound job with one goroutine and with {@code gomaxprocs} goroutines ({@link #measure(Job, int)}). The
 * job has a serial part (a hash chain, where every step needs the previous one) and a parallel part (counting
 * primes, in chunks that the goroutines take in turn). It prints the speedup it measured next to what the law
 * predicts for the serial fraction it measured. Timings depend on the machine, so the test checks the law's
 * arithmetic and the job's results, not the times. With {@code gomaxprocs} at 1, the goroutines are concurrent but
 * not parallel, and the speedup is about 1×.
 *
 * {@snippet :
 * double speedup = ConcurrencyIsNotParallelism.amdahlSpeedup(0.05, 16); // 9.14...
 * }
 */
public final class ConcurrencyIsNotParallelism {
    /** The job the tour measures: about a tenth serial, the rest parallel, some tenths of a second in all. */
    static final Job TOUR_JOB = new Job(10_000_000, 1_500_000);
    /** How many numbers a goroutine takes at a time when counting primes. */
    private static final int CHUNK = 10_000;

    private ConcurrencyIsNotParallelism() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> {
            law();
            System.out.println();
            measure(new Job(TOUR_JOB.serialSteps() / 10, TOUR_JOB.primesBelow() / 10), Go.gomaxprocs()); // warm-up
            print(measure(TOUR_JOB, Go.gomaxprocs()));
        });
    }

    /**
     * Amdahl's law: the most a job can speed up on {@code processors} processors when the fraction
     * {@code serialFraction} of its work cannot run in parallel.
     *
     * @param serialFraction the serial part of the work, from 0 to 1
     * @param processors how many processors run the parallel part, at least 1
     * @return the speedup over one processor
     */
    static double amdahlSpeedup(double serialFraction, int processors) {
        if (!(serialFraction >= 0 && serialFraction <= 1)) {
            throw new IllegalArgumentException("serial fraction must be between 0 and 1, was " + serialFraction);
        }
        if (processors < 1) {
            throw new IllegalArgumentException("processors must be at least 1, was " + processors);
        }
        return 1 / (serialFraction + (1 - serialFraction) / processors);
    }

    /** Prints what Amdahl's law predicts for a job that is 95 % parallel. */
    static void law() {
        double serial = 0.05;
        System.out.println("Amdahl's law for a job that is 95% parallel:");
        for (int processors : new int[] {1, 2, 4, 8, 16}) {
            System.out.println(String.format(Locale.ROOT, "%4d %-11s %6.2fx", processors,
                    processors == 1 ? "processor:" : "processors:", amdahlSpeedup(serial, processors)));
        }
        System.out.println(String.format(Locale.ROOT, "  never more than %.2fx (1 / serial fraction)", 1 / serial));
    }

    /**
     * A CPU-bound job: a hash chain of {@code serialSteps} steps, which cannot be split, then counting the primes
     * below {@code primesBelow}, which can.
     *
     * @param serialSteps length of the hash chain
     * @param primesBelow count the primes below this number
     */
    record Job(int serialSteps, int primesBelow) {
    }

    /**
     * One timed run of a job.
     *
     * @param chainEnd the serial part's result
     * @param primes the parallel part's result
     * @param serialNanos the serial part's time
     * @param parallelNanos the parallel part's time
     */
    record Run(long chainEnd, long primes, long serialNanos, long parallelNanos) {
        long totalNanos() {
            return serialNanos + parallelNanos;
        }
    }

    /**
     * The same job timed with one goroutine and with {@code goroutines} goroutines.
     *
     * @param goroutines how many goroutines shared the parallel part in the second run
     * @param processors how many of them could run at once: {@code min(goroutines, gomaxprocs)}
     * @param withOne the run with one goroutine
     * @param withMany the run with {@code goroutines} goroutines
     */
    record Measurement(int goroutines, int processors, Run withOne, Run withMany) {
        /** The share of the one-goroutine run spent in the serial part. */
        double serialFraction() {
            return (double) withOne.serialNanos() / withOne.totalNanos();
        }

        /** How much faster the run with many goroutines was. */
        double measuredSpeedup() {
            return (double) withOne.totalNanos() / withMany.totalNanos();
        }

        /** What Amdahl's law predicts for the measured serial fraction on {@link #processors()} processors. */
        double predictedSpeedup() {
            return amdahlSpeedup(serialFraction(), processors);
        }
    }

    /** Times {@code job} with one goroutine, then with {@code goroutines} goroutines. */
    static Measurement measure(Job job, int goroutines) {
        Run withOne = time(job, 1);
        Run withMany = time(job, goroutines);
        return new Measurement(goroutines, Math.min(goroutines, Go.gomaxprocs()), withOne, withMany);
    }

    /** Runs {@code job} once, its parallel part shared by {@code goroutines} goroutines. */
    static Run time(Job job, int goroutines) {
        long start = System.nanoTime();
        long chainEnd = hashChain(job.serialSteps());
        long serialDone = System.nanoTime();
        long primes = countPrimes(job.primesBelow(), goroutines);
        long parallelDone = System.nanoTime();
        return new Run(chainEnd, primes, serialDone - start, parallelDone - serialDone);
    }

    /** Prints a measurement: the results, the timings, the measured speedup and the law's prediction. */
    static void print(Measurement m) {
        Run one = m.withOne();
        Run many = m.withMany();
        System.out.println("gomaxprocs = " + Go.gomaxprocs() + ": at most that many goroutines compute at once");
        System.out.println(String.format(Locale.ROOT, "results: hash chain ends at %016x, %d primes", one.chainEnd(),
                one.primes()));
        System.out.println(String.format(Locale.ROOT,
                "1 goroutine:  %5d ms (serial part %d ms, parallel part %d ms)", millis(one.totalNanos()),
                millis(one.serialNanos()), millis(one.parallelNanos())));
        System.out.println(String.format(Locale.ROOT,
                "%d goroutines: %5d ms (serial part %d ms, parallel part %d ms)", m.goroutines(),
                millis(many.totalNanos()), millis(many.serialNanos()), millis(many.parallelNanos())));
        System.out.println(String.format(Locale.ROOT, "measured speedup: %.2fx", m.measuredSpeedup()));
        System.out.println(String.format(Locale.ROOT,
                "Amdahl's law for the measured serial fraction %.1f%% on %d processor(s): %.2fx",
                100 * m.serialFraction(), m.processors(), m.predictedSpeedup()));
        System.out.println("(the law is a ceiling: other work on the machine, memory traffic and the JIT keep the"
                + " measured speedup below it)");
    }

    /** The serial part: each step needs the result of the one before, so no two steps can run at once. */
    static long hashChain(int steps) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < steps; i++) {
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 29;
        }
        return h;
    }

    /** The parallel part: counts the primes below {@code limit} with {@code goroutines} goroutines. */
    static long countPrimes(int limit, int goroutines) {
        var nextChunk = new AtomicInteger();
        var primes = new LongAdder();
        var wg = new WaitGroup();
        for (int g = 0; g < goroutines; g++) {
            wg.go(() -> {
                for (int from = nextChunk.getAndAdd(CHUNK); from < limit; from = nextChunk.getAndAdd(CHUNK)) {
                    int to = Math.min(limit, from + CHUNK);
                    for (int n = from; n < to; n++) {
                        if (isPrime(n)) {
                            primes.increment();
                        }
                    }
                }
            });
        }
        wg.await();
        return primes.sum();
    }

    /** Trial division: slow on purpose, so that there is work to share. */
    static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int d = 2; (long) d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
