package dev.go4j.bench;

import dev.go4j.Task;
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
 * The floor under every blocking hand-off on virtual threads: two threads pass a turn back and forth with a
 * volatile field, {@link LockSupport#park()} and {@link LockSupport#unpark(Thread)} and nothing else (no queue, no
 * allocation), so one operation is the cheapest possible round trip of two hand-offs on a virtual-thread
 * scheduler. {@link #virtualThreadRoundTrip} runs them as plain virtual threads, on the JDK's scheduler;
 * {@link #go4j} runs the same two bodies as goroutines, on go4j's carriers (or, in the JDK-scheduler pass, on the
 * JDK's scheduler again). Compare with row 1: what go4j's ping-pong costs above {@code go4j} here is the channels'
 * own overhead (the target: at most 2.5 ×); what this costs above Go's round trip is the price of parking
 * and unparking a virtual thread. Scheduler row 10; Go has no counterpart (its channels are its floor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParkFloor extends OnScheduler {
    /** Whose turn it is: 0 ping, 1 pong. */
    private volatile int turn;
    private volatile Thread pingThread;
    private volatile Thread pongThread;

    /** The two parties as goroutines. */
    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void go4j() {
        turn = 0;
        Parties.goroutines(party(0), party(1));
        forget();
    }

    /** The two parties as plain virtual threads. */
    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void virtualThreadRoundTrip() {
        turn = 0;
        Parties.virtualThreads(party(0), party(1));
        forget();
    }

    /** Party {@code mine} (0 ping, 1 pong): publishes its thread, then takes its turn {@link Sizes#OPS_RUN} times. */
    private Task party(int mine) {
        int n = Sizes.OPS_RUN;
        return () -> {
            if (mine == 0) {
                pingThread = Thread.currentThread();
            } else {
                pongThread = Thread.currentThread();
            }
            for (int i = 0; i < n; i++) {
                passTurn(mine, 1 - mine);
            }
        };
    }

    private void forget() {
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
