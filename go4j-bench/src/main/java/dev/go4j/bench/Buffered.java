package dev.go4j.bench;

import com.softwaremill.jox.Channel;
import dev.go4j.Chan;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * Main table, row 2 (and row 9 with {@code cap=16} under side load): one producer sends through a buffered
 * channel of capacity {@code cap} to one consumer. One operation is one element from producer to consumer. Go:
 * {@code BenchmarkBuffered/cap=N}. JDK: {@link ArrayBlockingQueue} of the same capacity.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Buffered extends OnScheduler {
    private static final Object ITEM = new Object();

    @Param({"16", "1024"})
    public int cap;

    private Chan<Object> chan;
    private Channel<Object> joxChannel;
    private ArrayBlockingQueue<Object> queue;

    /** Makes the channels once per trial; every invocation leaves them empty. */
    @Setup
    public void setup() {
        chan = Chan.make(cap);
        joxChannel = Channel.newBufferedChannel(cap);
        queue = new ArrayBlockingQueue<>(cap);
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void go4j() {
        Chan<Object> ch = chan;
        int n = Sizes.OPS_RUN;
        Parties.goroutines(
                () -> {
                    for (int i = 0; i < n; i++) {
                        ch.send(ITEM);
                    }
                },
                () -> {
                    for (int i = 0; i < n; i++) {
                        ch.receive();
                    }
                });
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void jox() {
        Channel<Object> ch = joxChannel;
        int n = Sizes.OPS_RUN;
        Parties.virtualThreads(
                () -> {
                    for (int i = 0; i < n; i++) {
                        ch.send(ITEM);
                    }
                },
                () -> {
                    for (int i = 0; i < n; i++) {
                        ch.receive();
                    }
                });
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void jdkArrayBlockingQueue() {
        ArrayBlockingQueue<Object> q = queue;
        int n = Sizes.OPS_RUN;
        Parties.virtualThreads(
                () -> {
                    for (int i = 0; i < n; i++) {
                        q.put(ITEM);
                    }
                },
                () -> {
                    for (int i = 0; i < n; i++) {
                        q.take();
                    }
                });
    }
}
