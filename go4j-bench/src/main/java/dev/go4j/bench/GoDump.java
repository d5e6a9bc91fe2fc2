package dev.go4j.bench;

import dev.go4j.Go;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Diagnostics row 17: how fast {@link Go#dump(Appendable)} writes {@link Sizes#DUMP_GOROUTINES} goroutines blocked
 * in a channel receive ({@link BlockedGoroutines}) to an {@link Appendable} that only counts what it is given. One
 * invocation is one whole dump, and JMH divides its time by the million goroutines, so the score is the time per
 * goroutine written; the report turns it into goroutines per second. go4j only, on its own scheduler: Go's
 * {@code runtime.Stack(buf, true)} stops the world, which go4j's dump never does.
 *
 * <p>Starting a million goroutines takes seconds, so they are started once per trial, after a warm-up that dumps a
 * few thousand goroutines several times (the measured dumps then run compiled code from their first entry). The
 * million need a heap of several GB, and one dump takes seconds: {@code report.Bench} runs this benchmark in a pass
 * of its own, one fork with {@code -Xmx6g}, single-shot iterations (one dump each) and no warm-up iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GoDump extends OnScheduler {
    /** Goroutines dumped, and how often, by {@link #warmUp()}. */
    private static final int WARM_UP_GOROUTINES = Math.min(10_000, Sizes.DUMP_GOROUTINES_RUN);
    private static final int WARM_UP_DUMPS = 5;

    private BlockedGoroutines blocked;

    /** Warms the dump up, then starts the goroutines that every dump of the trial writes. */
    @Setup(Level.Trial)
    public void setup() throws InterruptedException {
        warmUp();
        blocked = BlockedGoroutines.start(Sizes.DUMP_GOROUTINES_RUN);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        blocked.close();
    }

    /** One dump; returns the characters written, so that none of the work can be dropped. */
    @Benchmark
    @OperationsPerInvocation(Sizes.DUMP_GOROUTINES)
    public long go4j() {
        var out = new CountingAppendable();
        Go.dump(out);
        return out.chars;
    }

    /** Dumps a few thousand blocked goroutines several times, so that the dumps measured afterwards are compiled. */
    static void warmUp() throws InterruptedException {
        try (var few = BlockedGoroutines.start(WARM_UP_GOROUTINES)) {
            for (int i = 0; i < WARM_UP_DUMPS; i++) {
                Go.dump(new CountingAppendable());
            }
        }
    }

    /** Counts the characters appended to it and keeps none of them. */
    static final class CountingAppendable implements Appendable {
        long chars;

        @Override
        public Appendable append(CharSequence csq) {
            chars += csq == null ? 4 : csq.length(); // "null", as Appendable's contract says
            return this;
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) {
            chars += end - start;
            return this;
        }

        @Override
        public Appendable append(char c) {
            chars++;
            return this;
        }
    }
}
