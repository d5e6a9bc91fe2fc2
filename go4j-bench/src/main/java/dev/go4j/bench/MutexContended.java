package dev.go4j.bench;

import dev.go4j.Task;
import dev.go4j.sync.Mutex;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Main table, row 6: {@value #GOROUTINES} goroutines take turns on one lock to increment a shared counter. One
 * operation is one lock, increment and unlock. Go: {@code BenchmarkMutexContended} ({@code sync.Mutex}); go4j:
 * {@link Mutex}; JDK candidates: {@link ReentrantLock} (non-fair) and {@code synchronized}. Jox has no lock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MutexContended extends OnScheduler {
    static final int GOROUTINES = 4;

    private Mutex mutex;
    private ReentrantLock lock;
    private Object monitor;
    /** The shared counter; written only under the lock being measured. */
    private long counter;

    /** Makes the locks once per trial. */
    @Setup
    public void setup() {
        mutex = new Mutex();
        lock = new ReentrantLock();
        monitor = new Object();
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void go4j() {
        Mutex mu = mutex;
        int each = Sizes.OPS_RUN / GOROUTINES;
        Task body = () -> {
            for (int i = 0; i < each; i++) {
                mu.lock();
                counter++;
                mu.unlock();
            }
        };
        Parties.goroutines(body, body, body, body);
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void jdkReentrantLock() {
        ReentrantLock mu = lock;
        int each = Sizes.OPS_RUN / GOROUTINES;
        Task body = () -> {
            for (int i = 0; i < each; i++) {
                mu.lock();
                try {
                    counter++;
                } finally {
                    mu.unlock();
                }
            }
        };
        Parties.virtualThreads(body, body, body, body);
    }

    @Benchmark
    @OperationsPerInvocation(Sizes.OPS)
    public void jdkSynchronized() {
        Object mu = monitor;
        int each = Sizes.OPS_RUN / GOROUTINES;
        Task body = () -> {
            for (int i = 0; i < each; i++) {
                synchronized (mu) {
                    counter++;
                }
            }
        };
        Parties.virtualThreads(body, body, body, body);
    }
}
