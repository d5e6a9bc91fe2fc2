package dev.go4j.bench;

import static dev.go4j.Select.afterClause;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.receiveClause;
import static dev.go4j.Select.select;
import static dev.go4j.Select.selectValue;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.Select;
import dev.go4j.Chan;
import dev.go4j.time.Time;
import dev.go4j.time.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Main table, row 4: Go's loop-with-timeout idiom. Each operation creates a timeout, selects over four cases (two
 * data channels of capacity 16, each fed by its own producer; a quit channel that never becomes ready; the
 * timeout) and cancels the timeout. The timeout (an hour) never fires: the row measures what arming and
 * cancelling a timeout adds to a select. Go: {@code BenchmarkSelectTimeout} ({@code time.NewTimer} +
 * {@code Stop}; Go 1.19's timers are the pre-1.23 kind); go4j: {@link Time#newTimer} + {@link Timer#stop};
 * Jox: its timed select, {@code selectOrClosedWithin}. No JDK column. go4j's value form ({@code selectValue} over
 * clauses) twice: {@code go4jValue} exactly as {@code go4j} (a timer per select, its channel a receive clause),
 * which must allocate no more ({@code gc.alloc.rate.norm}); {@code go4jValueAfter} with an {@code afterClause}
 * instead, which needs no timer. The report lists the forms side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SelectTimeout extends OnScheduler {
    private static final Object ITEM = new Object();
    private static final Object TIMED_OUT = new Object();
    private static final int CAP = 16;
    private static final Duration TIMEOUT = Duration.ofHours(1);
    private static final Consumer<Object> DISCARD = v -> { };
    private static final Consumer<Object> NEVER = v -> {
        throw new IllegalStateException("quit closed or the timeout fired: the benchmark is broken");
    };
    private static final Consumer<Instant> FIRED = t -> NEVER.accept(t);
    private static final Function<Object, Object> IDENTITY = v -> v;
    private static final Function<Object, Object> NEVER_GIVES = v -> {
        NEVER.accept(v);
        return v;
    };
    private static final Supplier<Object> TIMED_OUT_GIVES = () -> NEVER_GIVES.apply(TIMED_OUT);

    private Chan<Object> a;
    private Chan<Object> b;
    private Chan<Object> quit;
    private Channel<Object> joxA;
    private Channel<Object> joxB;
    private Channel<Object> joxQuit;

    /** Makes the channels once per trial; every invocation leaves them empty. */
    @Setup
    public void setup() {
        a = Chan.make(CAP);
        b = Chan.make(CAP);
        quit = Chan.make();
        joxA = Channel.newBufferedChannel(CAP);
        joxB = Channel.newBufferedChannel(CAP);
        joxQuit = Channel.newRendezvousChannel();
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void go4j() {
        go4jSelects((a, b, quit) -> {
            Timer timeout = Time.newTimer(TIMEOUT);
            select(
                    onReceive(a, DISCARD),
                    onReceive(b, DISCARD),
                    onReceive(quit, NEVER),
                    onReceive(timeout.c(), FIRED));
            timeout.stop();
        });
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void go4jValue() {
        go4jSelects((a, b, quit) -> {
            Timer timeout = Time.newTimer(TIMEOUT);
            Object got = selectValue(
                    receiveClause(a, IDENTITY),
                    receiveClause(b, IDENTITY),
                    receiveClause(quit, NEVER_GIVES),
                    receiveClause(timeout.c(), NEVER_GIVES));
            timeout.stop();
            expectItem(got);
        });
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void go4jValueAfter() {
        go4jSelects((a, b, quit) -> expectItem(selectValue(
                receiveClause(a, IDENTITY),
                receiveClause(b, IDENTITY),
                receiveClause(quit, NEVER_GIVES),
                afterClause(TIMEOUT, TIMED_OUT_GIVES))));
    }

    /** One select of a go4j method, over the two fed channels and the quit channel. */
    @FunctionalInterface
    private interface OneSelect {
        void select(Chan<Object> a, Chan<Object> b, Chan<Object> quit);
    }

    /** Performs {@link Sizes#OPS_RUN} selects in a goroutine while two producer goroutines feed a and b. */
    private void go4jSelects(OneSelect body) {
        Chan<Object> a = this.a;
        Chan<Object> b = this.b;
        Chan<Object> quit = this.quit;
        int n = Sizes.OPS_RUN;
        Parties.fedByTwo(Parties::goroutines, () -> a.send(ITEM), () -> b.send(ITEM), n, () -> {
            for (int i = 0; i < n; i++) {
                body.select(a, b, quit);
            }
        });
    }

    private static void expectItem(Object got) {
        if (got != ITEM) {
            NEVER.accept(got);
        }
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void jox() {
        Channel<Object> a = joxA;
        Channel<Object> b = joxB;
        Channel<Object> quit = joxQuit;
        int n = Sizes.OPS_RUN;
        Parties.fedByTwo(Parties::virtualThreads, () -> a.send(ITEM), () -> b.send(ITEM), n, () -> {
            for (int i = 0; i < n; i++) {
                expectItem(Select.selectOrClosedWithin(TIMEOUT, TIMED_OUT,
                        a.receiveClause(), b.receiveClause(), quit.receiveClause()));
            }
        });
    }
}
