package dev.go4j.bench;

import com.softwaremill.jox.Channel;
import dev.go4j.Chan;
import java.util.concurrent.Exchanger;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Main table, row 1 (and row 9 under side load): an unbuffered ping-pong round trip. One party sends the ball on
 * {@code ping} and waits for it on {@code pong}; the other takes it from {@code ping} and sends it back on
 * {@code pong}. One operation is one round trip, two hand-offs. Go: {@code BenchmarkPingPong}.
 *
 * <p>JDK candidates: two {@link SynchronousQueue}s, two {@link LinkedTransferQueue}s used through
 * {@code transfer}/{@code take}, and one {@link Exchanger} used twice per round trip (ping out, then pong back), so
 * that every column does two rendezvous per operation and the pong depends on the ping.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PingPong extends OnScheduler {
    private static final Object BALL = new Object();

    private Chan<Object> ping;
    private Chan<Object> pong;
    private Channel<Object> joxPing;
    private Channel<Object> joxPong;
    private SynchronousQueue<Object> queuePing;
    private SynchronousQueue<Object> queuePong;
    private LinkedTransferQueue<Object> transferPing;
    private LinkedTransferQueue<Object> transferPong;
    private Exchanger<Object> exchanger;

    /** Makes the channels once per trial; every invocation leaves them empty. */
    @Setup
    public void setup() {
        ping = Chan.make();
        pong = Chan.make();
        joxPing = Channel.newRendezvousChannel();
        joxPong = Channel.newRendezvousChannel();
        queuePing = new SynchronousQueue<>();
        queuePong = new SynchronousQueue<>();
        transferPing = new LinkedTransferQueue<>();
        transferPong = new LinkedTransferQueue<>();
        exchanger = new Exchanger<>();
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void go4j() {
        Chan<Object> ping = this.ping;
        Chan<Object> pong = this.pong;
        int n = Sizes.OPS_RUN;
        Parties.goroutines(
                () -> {
                    for (int i = 0; i < n; i++) {
                        ping.send(BALL);
                        pong.receive();
                    }
                },
                () -> {
                    for (int i = 0; i < n; i++) {
                        pong.send(ping.receive());
                    }
                });
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void jox() {
        Channel<Object> ping = joxPing;
        Channel<Object> pong = joxPong;
        int n = Sizes.OPS_RUN;
        Parties.virtualThreads(
                () -> {
                    for (int i = 0; i < n; i++) {
                        ping.send(BALL);
                        pong.receive();
                    }
                },
                () -> {
                    for (int i = 0; i < n; i++) {
                        pong.send(ping.receive());
                    }
                });
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void jdkSynchronousQueue() {
        SynchronousQueue<Object> ping = queuePing;
        SynchronousQueue<Object> pong = queuePong;
        int n = Sizes.OPS_RUN;
        Parties.virtualThreads(
                () -> {
                    for (int i = 0; i < n; i++) {
                        ping.put(BALL);
                        pong.take();
                    }
                },
                () -> {
                    for (int i = 0; i < n; i++) {
                        pong.put(ping.take());
                    }
                });
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void jdkLinkedTransferQueue() {
        LinkedTransferQueue<Object> ping = transferPing;
        LinkedTransferQueue<Object> pong = transferPong;
        int n = Sizes.OPS_RUN;
        Parties.virtualThreads(
                () -> {
                    for (int i = 0; i < n; i++) {
                        ping.transfer(BALL);
                        pong.take();
                    }
                },
                () -> {
                    for (int i = 0; i < n; i++) {
                        pong.transfer(ping.take());
                    }
                });
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void jdkExchanger() {
        Exchanger<Object> exchanger = this.exchanger;
        int n = Sizes.OPS_RUN;
        Parties.virtualThreads(
                () -> {
                    for (int i = 0; i < n; i++) {
                        exchanger.exchange(BALL); // ping out
                        exchanger.exchange(null); // pong back
                    }
                },
                () -> {
                    for (int i = 0; i < n; i++) {
                        Object ball = exchanger.exchange(null); // ping in
                        exchanger.exchange(ball); // pong out
                    }
                });
    }
}
