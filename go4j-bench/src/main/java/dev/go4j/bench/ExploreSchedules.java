package dev.go4j.bench;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.runtime.Bubbles;
import dev.go4j.runtime.ExplorationReport;
import dev.go4j.sync.WaitGroup;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The testing kit's exploration budget: {@value Sizes#SCHEDULES} schedules of a small body (4 goroutines, about 50
 * go4j operations: a producer feeds 10 values through a channel of capacity 2 to two workers, which send their
 * squares to main; starts, sends, receives, closes and the WaitGroup), each in an exploring synctest bubble with a
 * scheduling point at every operation. One operation is the whole exploration, in milliseconds; the target is
 * "a few seconds". go4j only (no peer explores schedules on virtual threads), and independent of the scheduler
 * (bubbles run on a carrier of their own), so it is not in the JDK-scheduler pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 4)
public class ExploreSchedules {
    /** The values the producer sends. */
    static final int VALUES = 10;

    /** The body explored: every schedule must deliver all ten squares, their sum 385. */
    static void pipeline() {
        Chan<Integer> work = Chan.make(2);
        Chan<Integer> squares = Chan.make();
        Go.go(() -> {
            for (int i = 1; i <= VALUES; i++) {
                work.send(i);
            }
            work.close();
        });
        var workers = new WaitGroup();
        for (int w = 0; w < 2; w++) {
            workers.go(() -> {
                for (int v : work) {
                    squares.send(v * v);
                }
            });
        }
        Go.go(() -> {
            workers.await();
            squares.close();
        });
        int sum = 0;
        for (int square : squares) {
            sum += square;
        }
        if (sum != 385) {
            throw new AssertionError("squares lost or doubled: sum " + sum);
        }
    }

    @Benchmark
    public ExplorationReport go4j() {
        ExplorationReport report = Bubbles.explore(Sizes.SCHEDULES_RUN, 1, ExploreSchedules::pipeline);
        if (report.failure().isPresent()) {
            throw new AssertionError("the pipeline failed a schedule", report.failure().get());
        }
        return report;
    }
}
