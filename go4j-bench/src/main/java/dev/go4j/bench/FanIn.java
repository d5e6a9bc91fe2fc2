package dev.go4j.bench;

import com.softwaremill.jox.Channel;
import dev.go4j.Chan;
import dev.go4j.Task;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
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
 * Main table, row 7: {@value #PRODUCERS} producers send into one channel of capacity {@code cap} (0 or 16) that
 * one consumer drains. One operation is one element received. Go: {@code BenchmarkFanIn/cap=N}. JDK:
 * {@link SynchronousQueue} for {@code cap=0}, {@link ArrayBlockingQueue} otherwise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FanIn extends OnScheduler {
    static final int PRODUCERS = 4;
    private static final Object ITEM = new Object();

    @Param({"0", "16"})
    public int cap;

    private Chan<Object> chan;
    private Channel<Object> joxChannel;
    private BlockingQueue<Object> queue;

    /** Makes the channels once per trial; every invocation leaves them empty. */
    @Setup
    public void setup() {
        chan = Chan.make(cap);
        joxChannel = cap == 0 ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(cap);
        queue = cap == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(cap);
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void go4j() {
        Chan<Object> ch = chan;
        int n = Sizes.OPS_RUN;
        Task producer = () -> {
            for (int i = 0; i < n / PRODUCERS; i++) {
                ch.send(ITEM);
            }
        };
        Parties.goroutines(producer, producer, producer, producer, () -> {
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
        Task producer = () -> {
            for (int i = 0; i < n / PRODUCERS; i++) {
                ch.send(ITEM);
            }
        };
        Parties.virtualThreads(producer, producer, producer, producer, () -> {
            for (int i = 0; i < n; i++) {
                ch.receive();
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void jdkBlockingQueue() {
        BlockingQueue<Object> q = queue;
        int n = Sizes.OPS_RUN;
        Task producer = () -> {
            for (int i = 0; i < n / PRODUCERS; i++) {
                q.put(ITEM);
            }
        };
        Parties.virtualThreads(producer, producer, producer, producer, () -> {
            for (int i = 0; i < n; i++) {
                q.take();
            }
        });
    }
}
