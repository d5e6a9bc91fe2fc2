package dev.go4j.examples.sync;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.sync.Mutex;
import dev.go4j.sync.WaitGroup;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lesson: one counter, many goroutines incrementing it, three correct ways. A plain {@code count++} from several
 * goroutines loses updates (it is a read, an add and a write, and two goroutines can interleave them), so the
 * count must be protected somehow:
 *
 * <ol>
 *   <li><b>A mutex.</b> {@link Mutex} makes the read-add-write a critical section. Go's
 *       {@code mu.Lock(); defer mu.Unlock()} becomes {@code try (var held = mu.locked()) { … }}. Each unlock
 *       happens-before the next lock returns, so every goroutine sees the previous increments.</li>
 *   <li><b>An owner goroutine.</b> Only one goroutine ever touches the count; the others send it increments over
 *       a channel, and it answers the final value on another. No lock at all: "Do not communicate by sharing
 *       memory; instead, share memory by communicating." In Go:
 *       <pre>{@code
 * func owner(deltas <-chan int, total chan<- int) {
 *     count := 0
 *     for d := range deltas {
 *         count += d
 *     }
 *     total <- count
 * }
 * }</pre></li>
 *   <li><b>An atomic.</b> For a single number, {@link AtomicInteger} (Go's {@code sync/atomic}) is the simplest
 *       and fastest: the increment is one indivisible instruction.</li>
 * </ol>
 *
 * <p>Which one? An atomic for a lone counter or flag; a mutex when several fields must change together (the
 * usual case for a struct's state); an owner goroutine when the state has a life of its own (a connection, a
 * cache with expiry, a game loop) and the others only send it requests. All three print the same total.
 *
 * {@snippet :
 * CounterThreeWays.run(10, 1000); // mutex: 10000, owner goroutine: 10000, atomic: 10000
 * }
 */
public final class CounterThreeWays {
    /** How many goroutines increment the counter in the tour. */
    static final int GOROUTINES = 10;
    /** How many increments each of them makes. */
    static final int INCREMENTS = 1_000;

    private CounterThreeWays() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> run(GOROUTINES, INCREMENTS));
    }

    /** Counts {@code goroutines} times {@code increments} increments each way and prints the three totals. */
    static void run(int goroutines, int increments) {
        System.out.println("mutex: " + withMutex(goroutines, increments));
        System.out.println("owner goroutine: " + withOwner(goroutines, increments));
        System.out.println("atomic: " + withAtomic(goroutines, increments));
    }

    /** A counter guarded by a mutex. ({@code held} is never named in the blocks: javac's try lint is off.) */
    @SuppressWarnings("try")
    static final class GuardedCounter {
        private final Mutex mu = new Mutex();
        private int count; // guarded by mu

        void increment() {
            try (var held = mu.locked()) {
                count++;
            }
        }

        int value() {
            try (var held = mu.locked()) {
                return count;
            }
        }
    }

    static int withMutex(int goroutines, int increments) {
        var counter = new GuardedCounter();
        var wg = new WaitGroup();
        for (int g = 0; g < goroutines; g++) {
            wg.go(() -> {
                for (int i = 0; i < increments; i++) {
                    counter.increment();
                }
            });
        }
        wg.await();
        return counter.value();
    }

    static int withOwner(int goroutines, int increments) {
        Chan<Integer> deltas = Chan.make();
        Chan<Integer> total = Chan.make();
        Go.go(() -> { // the owner: the only goroutine that ever sees count
            int count = 0;
            for (int delta : deltas) {
                count += delta;
            }
            total.send(count);
        });
        var wg = new WaitGroup();
        for (int g = 0; g < goroutines; g++) {
            wg.go(() -> {
                for (int i = 0; i < increments; i++) {
                    deltas.send(1);
                }
            });
        }
        wg.await();
        deltas.close(); // no more increments: the owner's loop ends and it reports
        return total.receive(); // the owner's last act: receiving it is also what joins the owner
    }

    static int withAtomic(int goroutines, int increments) {
        var count = new AtomicInteger();
        var wg = new WaitGroup();
        for (int g = 0; g < goroutines; g++) {
            wg.go(() -> {
                for (int i = 0; i < increments; i++) {
                    count.incrementAndGet();
                }
            });
        }
        wg.await();
        return count.get();
    }
}
