package dev.go4j.bench;

import dev.go4j.Go;
import dev.go4j.sync.WaitGroup;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Scheduler row 13: fork-join scaling. A parent goroutine splits CPU-bound work into {@value #TASKS} goroutines
 * of about 75 µs each ({@link #STEPS} steps of a xorshift generator, a dependent chain of shifts and xors that
 * neither C2 nor Go's compiler can shorten; the multiply-add chain of {@link ChanTest#localWork} C2 folds into one
 * multiply-add) and waits for them with a {@link WaitGroup}. One operation is the whole fork-join;
 * {@code procs} is GOMAXPROCS, set with {@link Go#gomaxprocs(int)} for the trial. The report divides the time
 * with 1 by the time with 2: the speed-up, which the issue wants to be at least 1.7. Go:
 * {@code BenchmarkForkJoin/procs=N} ({@code runtime.GOMAXPROCS(n)} for the sub-benchmark).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ForkJoin extends OnScheduler {
    /** Goroutines per fork-join: enough for two carriers to share evenly, few enough to be ~75 µs each. */
    static final int TASKS = 16;
    /** Xorshift steps per goroutine. */
    static final int STEPS = Sizes.SMOKE ? 1_000 : 40_000;

    @Param({"1", "2"})
    public int procs;

    private int before;
    /** Where the result goes, so that the work is not dead code. */
    volatile int sink;

    /** Sets GOMAXPROCS for the trial; fails where the scheduler cannot change it (the JDK's before JDK 24). */
    @Setup
    public void setup() {
        before = Go.gomaxprocs(procs);
        if (Go.gomaxprocs() != procs) {
            throw new IllegalStateException("GOMAXPROCS stays " + Go.gomaxprocs() + " when set to " + procs
                    + " on " + Go.scheduler() + "'s scheduler (the JDK's can change it from JDK 24 on)");
        }
    }

    @TearDown
    public void tearDown() {
        Go.gomaxprocs(before);
    }

    @Benchmark
    public void go4j() {
        Parties.goroutines(() -> {
            int[] results = new int[TASKS];
            var wg = new WaitGroup();
            for (int t = 0; t < TASKS; t++) {
                int task = t;
                wg.go(() -> results[task] = work(task));
            }
            wg.await();
            int sum = 0;
            for (int r : results) {
                sum += r;
            }
            sink = sum;
        });
    }

    /** One goroutine's share: {@link #STEPS} steps of Marsaglia's xorshift from a seed of its own. */
    static int work(int seed) {
        long x = seed + 1;
        for (int i = 0; i < STEPS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return (int) x;
    }
}
