package dev.go4j.bench;

import dev.go4j.Go;
import dev.go4j.Task;
import dev.go4j.sync.WaitGroup;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Main table, row 5: one goroutine starts {@link Sizes#GOROUTINES} goroutines that each only signal that they ran,
 * and waits for all of them. One operation is the whole batch. Go: {@code BenchmarkSpawn} ({@code go} +
 * {@code sync.WaitGroup}); go4j: {@link Go#go} + {@link WaitGroup}; JDK: {@link Thread#startVirtualThread} +
 * {@link CountDownLatch}. Jox has no goroutines of its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Spawn extends OnScheduler {
    @Benchmark
    public void go4j() {
        int n = Sizes.GOROUTINES_RUN;
        Parties.goroutines(() -> {
            var wg = new WaitGroup();
            wg.add(n);
            Task done = wg::done;
            for (int i = 0; i < n; i++) {
                Go.go(done);
            }
            wg.await();
        });
    }

    @Benchmark
    public void jdkVirtualThreads() {
        int n = Sizes.GOROUTINES_RUN;
        Parties.virtualThreads(() -> {
            var latch = new CountDownLatch(n);
            Runnable done = latch::countDown;
            for (int i = 0; i < n; i++) {
                Thread.startVirtualThread(done);
            }
            latch.await();
        });
    }
}
