package dev.go4j.bench;

import dev.go4j.Go;
import dev.go4j.Task;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Scheduler row 11: {@link Go#gosched()} in a loop, Go's {@code runtime.Gosched}. With {@code goroutines=1} one
 * goroutine yields with nobody else to run, so an operation is the scheduler's round trip from a yield back to
 * the same goroutine; with {@code goroutines=2} two goroutines yield concurrently, each half of the operations,
 * so that a yield may hand the carrier to the other. One operation is one call. Go:
 * {@code BenchmarkGosched/goroutines=N} (Go's own runtime tests have no such benchmark; {@code TestYieldProgress}
 * is the nearest). go4j only: Jox has no goroutines, and a plain virtual thread's {@code Thread.yield} is what
 * the JDK-scheduler column measures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Gosched extends OnScheduler {
    @Param({"1", "2"})
    public int goroutines;

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void go4j() {
        int each = Sizes.OPS_RUN / goroutines;
        Task yielder = () -> {
            for (int i = 0; i < each; i++) {
                Go.gosched();
            }
        };
        Task[] parties = new Task[goroutines];
        Arrays.fill(parties, yielder);
        Parties.goroutines(parties);
    }
}
