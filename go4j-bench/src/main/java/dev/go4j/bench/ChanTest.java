package dev.go4j.bench;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.onSend;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.Task;
import dev.go4j.sync.WaitGroup;
import dev.go4j.time.Time;
import dev.go4j.time.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The second table: the spirit of the benchmarks in Go's {@code runtime/chan_test.go}, for go4j only, next to the
 * same ports in Go ({@code go4j-bench/go/chan_test.go}). Method {@code chanSync} is Go's {@code BenchmarkChanSync},
 * and so on. Where Go uses {@code b.RunParallel}, the operations are split evenly over {@link #PROCS} goroutines
 * (Go runs one per {@code GOMAXPROCS}). These are written from what Go's benchmarks measure, not translated
 * line by line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChanTest extends OnScheduler {
    /** Goroutines of a "parallel" benchmark: like Go's RunParallel, one per processor. */
    static final int PROCS = Runtime.getRuntime().availableProcessors();
    private static final Object ZERO = new Object();
    private static final Object ONE = new Object();
    /** The capacity of each goroutine's own channel in {@link #chanUncontended}. */
    private static final int UNCONTENDED_CAP = 100;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Consumer<Object> DISCARD = v -> { };
    private static final Runnable NOTHING = () -> { };

    /** Where local work leaves its result, so that the JIT cannot drop it. */
    static volatile int sink;

    /** About 100 steps of arithmetic between channel operations, Go's {@code localWork}. */
    static int localWork(int x) {
        for (int i = 0; i < 100; i++) {
            x = x * 1103515245 + 12345;
        }
        return x;
    }

    /** Runs {@code body} in {@link #PROCS} goroutines, each told how many operations are its share. */
    private static void parallel(PerGoroutine body) {
        int share = Sizes.OPS_RUN / PROCS;
        Task[] bodies = new Task[PROCS];
        for (int p = 0; p < PROCS; p++) {
            bodies[p] = () -> body.run(share);
        }
        Parties.goroutines(bodies);
    }

    @FunctionalInterface
    private interface PerGoroutine {
        void run(int ops) throws Exception;
    }

    /** Non-blocking receives from an unbuffered channel nobody sends on, in parallel. */
    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void chanNonblocking() {
        Chan<Object> ch = Chan.make();
        parallel(ops -> {
            for (int i = 0; i < ops; i++) {
                ch.tryReceive();
            }
        });
    }

    /**
     * Each goroutine fills its own channel of capacity {@value #UNCONTENDED_CAP} and drains it again, in
     * parallel: every send finds room and every receive an element, so nothing ever parks (the channel's fast
     * path, and the diagnostics rows' line for it). An operation is one send and, amortized, one receive.
     */
    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void chanUncontended() {
        parallel(ops -> {
            Chan<Object> mine = Chan.make(UNCONTENDED_CAP);
            int queued = 0;
            for (int i = 0; i < ops; i++) {
                mine.send(ONE);
                if (++queued == UNCONTENDED_CAP) {
                    for (; queued > 0; queued--) {
                        mine.receive();
                    }
                }
            }
        });
    }

    /** Each goroutine passes a token between its own two channels of capacity 1 with a select. */
    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void selectUncontended() {
        parallel(ops -> {
            Chan<Object> c1 = Chan.make(1);
            Chan<Object> c2 = Chan.make(1);
            c1.send(ZERO);
            for (int i = 0; i < ops; i++) {
                select(
                        onReceive(c1, v -> c2.send(v)),
                        onReceive(c2, v -> c1.send(v)));
            }
        });
    }

    /**
     * Each goroutine receives with a select over three shared unbuffered channels, fed by helper goroutines that
     * each select over sending to all three (and a done channel).
     */
    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void selectSyncContended() {
        Chan<Object> c1 = Chan.make();
        Chan<Object> c2 = Chan.make();
        Chan<Object> c3 = Chan.make();
        Chan<Empty> done = Chan.make();
        Parties.goroutines(() -> {
            var helpers = new WaitGroup();
            for (int p = 0; p < PROCS; p++) {
                helpers.go(() -> {
                    boolean[] stop = {false};
                    while (!stop[0]) {
                        select(
                                onSend(c1, ZERO, NOTHING),
                                onSend(c2, ZERO, NOTHING),
                                onSend(c3, ZERO, NOTHING),
                                onReceive(done, v -> stop[0] = true));
                    }
                });
            }
            parallel(ops -> {
                for (int i = 0; i < ops; i++) {
                    select(onReceive(c1, DISCARD), onReceive(c2, DISCARD), onReceive(c3, DISCARD));
                }
            });
            done.close();
            helpers.await();
        });
    }

    /**
     * Each goroutine produces into its own channel of capacity 128 with a select that also watches a timer and a
     * close channel, and a consumer goroutine of its own drains it with a similar select; both do local work per
     * element.
     */
    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void selectProdCons() {
        parallel(ops -> {
            Chan<Object> items = Chan.make(128);
            Chan<Empty> closing = Chan.make();
            Chan<Empty> consumed = Chan.make(1);
            Timer timer = Time.newTimer(HOUR);
            Go.go(() -> {
                int work = 0;
                boolean[] stop = {false};
                Object[] got = {null};
                while (!stop[0]) {
                    got[0] = null;
                    select(
                            onReceive(timer.c(), t -> { }),
                            onReceive(items, v -> got[0] = v),
                            onReceive(closing, v -> { }));
                    if (got[0] == ZERO) {
                        stop[0] = true;
                    } else if (got[0] != null) {
                        work = localWork(work);
                    }
                }
                sink = work;
                consumed.send(Empty.VALUE);
            });
            int work = 0;
            for (int i = 0; i < ops; i++) {
                select(
                        onSend(items, ONE, NOTHING),
                        onReceive(timer.c(), t -> { }),
                        onReceive(closing, v -> { }));
                work = localWork(work);
            }
            sink = work;
            items.send(ZERO);
            consumed.receive();
            timer.stop();
        });
    }

    /** Two goroutines hand a value back and forth over one unbuffered channel; an operation is one hand-off. */
    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void chanSync() {
        Chan<Object> ch = Chan.make();
        int rounds = Sizes.OPS_RUN / 2;
        Parties.goroutines(
                () -> {
                    for (int i = 0; i < rounds; i++) {
                        ch.send(ZERO);
                        ch.receive();
                    }
                },
                () -> {
                    for (int i = 0; i < rounds; i++) {
                        ch.receive();
                        ch.send(ONE);
                    }
                });
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void chanProdCons0() {
        prodCons(0);
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void chanProdCons10() {
        prodCons(10);
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void chanProdCons100() {
        prodCons(100);
    }

    /** {@link #PROCS} producers and as many consumers on one channel of capacity {@code cap}. */
    private static void prodCons(int cap) {
        Chan<Object> ch = Chan.make(cap);
        int share = Sizes.OPS_RUN / PROCS;
        Task producer = () -> {
            for (int i = 0; i < share; i++) {
                ch.send(ONE);
            }
        };
        Task consumer = () -> {
            for (int i = 0; i < share; i++) {
                ch.receive();
            }
        };
        Task[] all = new Task[2 * PROCS];
        for (int p = 0; p < PROCS; p++) {
            all[2 * p] = producer;
            all[2 * p + 1] = consumer;
        }
        Parties.goroutines(all);
    }

    /** Make a channel of capacity 1, send on it, receive from it; in parallel. */
    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void chanCreation() {
        parallel(ops -> {
            for (int i = 0; i < ops; i++) {
                Chan<Object> ch = Chan.make(1);
                ch.send(ZERO);
                ch.receive();
            }
        });
    }

    /** A channel of capacity {@link #PROCS} used as a counting semaphore by as many goroutines. */
    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void chanSem() {
        Chan<Empty> sem = Chan.make(PROCS);
        parallel(ops -> {
            for (int i = 0; i < ops; i++) {
                sem.send(Empty.VALUE);
                sem.receive();
            }
        });
    }
}
