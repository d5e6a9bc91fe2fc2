package dev.go4j.bench;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.receiveClause;
import static dev.go4j.Select.select;
import static dev.go4j.Select.selectValue;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.Select;
import dev.go4j.Chan;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Main table, row 3: a consumer selects over two channels, each fed by its own producer; {@code cap} is 0
 * (unbuffered) or 16. One operation is one select that receives one element. Go: {@code BenchmarkSelect2/cap=N}.
 * The JDK has no select, so there is no JDK column. {@code go4jValue} is the same select in go4j's value form
 * ({@code selectValue} over {@code receiveClause}s), which must allocate no more than {@code go4j}
 * ({@code gc.alloc.rate.norm}); the report lists the two forms side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Select2 extends OnScheduler {
    private static final Object ITEM = new Object();
    private static final Consumer<Object> DISCARD = v -> { };
    private static final Function<Object, Object> IDENTITY = v -> v;

    @Param({"0", "16"})
    public int cap;

    private Chan<Object> a;
    private Chan<Object> b;
    private Channel<Object> joxA;
    private Channel<Object> joxB;

    /** Makes the channels once per trial; every invocation leaves them empty. */
    @Setup
    public void setup() {
        a = Chan.make(cap);
        b = Chan.make(cap);
        joxA = cap == 0 ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(cap);
        joxB = cap == 0 ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(cap);
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void go4j() {
        go4jSelects((a, b) -> select(onReceive(a, DISCARD), onReceive(b, DISCARD)));
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void go4jValue() {
        go4jSelects((a, b) -> {
            if (selectValue(receiveClause(a, IDENTITY), receiveClause(b, IDENTITY)) != ITEM) {
                throw new IllegalStateException("a select returned something else");
            }
        });
    }

    /** One select of a go4j method, over the two fed channels. */
    @FunctionalInterface
    private interface OneSelect {
        void select(Chan<Object> a, Chan<Object> b);
    }

    /** Performs {@link Sizes#OPS_RUN} selects in a goroutine while two producer goroutines feed a and b. */
    private void go4jSelects(OneSelect body) {
        Chan<Object> a = this.a;
        Chan<Object> b = this.b;
        int n = Sizes.OPS_RUN;
        Parties.fedByTwo(Parties::goroutines, () -> a.send(ITEM), () -> b.send(ITEM), n, () -> {
            for (int i = 0; i < n; i++) {
                body.select(a, b);
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void jox() {
        Channel<Object> a = joxA;
        Channel<Object> b = joxB;
        int n = Sizes.OPS_RUN;
        Parties.fedByTwo(Parties::virtualThreads, () -> a.send(ITEM), () -> b.send(ITEM), n, () -> {
            for (int i = 0; i < n; i++) {
                Select.select(a.receiveClause(), b.receiveClause());
            }
        });
    }
}
