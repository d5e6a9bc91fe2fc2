package dev.go4j.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Not a table row: the floor under every blocking hand-off on virtual threads. Two plain virtual threads pass a
 * turn back and forth with a volatile field, {@link LockSupport#park()} and {@link LockSupport#unpark(Thread)}
 * and nothing else (no queue, no allocation), so one operation is the cheapest possible round trip of two
 * hand-offs on the JDK's scheduler. Compare it with row 1: what go4j's ping-pong costs above this is go4j's own
 * overhead; what this costs above Go's round trip is the price of parking and unparking a virtual thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParkFloor extends OnScheduler {
    /** Whose turn it is: 0 ping, 1 pong. */
    private volatile int turn;
    private volatile Thread pingThread;
    private volatile Thread pongThread;

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void virtualThreadRoundTrip() {
        int n = Sizes.OPS_RUN;
        turn = 0;
        Parties.virtualThreads(
                () -> {
                    pingThread = Thread.currentThread();
                    for (int i = 0; i < n; i++) {
                        passTurn(0, 1);
                    }
                },
                () -> {
                    pongThread = Thread.currentThread();
                    for (int i = 0; i < n; i++) {
                        passTurn(1, 0);
                    }
                });
        pingThread = null;
        pongThread = null;
    }

    /** Waits until it is {@code mine}'s turn, then gives it to {@code next} and wakes that side. */
    private void passTurn(int mine, int next) {
        while (turn != mine) {
            LockSupport.park(this);
        }
        turn = next;
        Thread other;
        while ((other = next == 0 ? pingThread : pongThread) == null) {
            Thread.onSpinWait(); // the other side has not published its thread yet (first round only)
        }
        LockSupport.unpark(other);
    }
}
