package dev.go4j.examples.sync;

import dev.go4j.Go;
import dev.go4j.sync.Cond;
import dev.go4j.sync.Mutex;
import dev.go4j.sync.WaitGroup;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson: a bounded buffer built from a {@link Mutex} and two {@link Cond}itions, the textbook use of
 * {@code sync.Cond}. {@code put} waits while the buffer is full, {@code take} waits while it is empty; each
 * announces the change it made to the goroutines waiting for it:
 *
 * <pre>{@code
 * func (b *Buffer) Put(x int) {
 *     b.mu.Lock()
 *     defer b.mu.Unlock()
 *     for len(b.items) == b.capacity {
 *         b.notFull.Wait()
 *     }
 *     b.items = append(b.items, x)
 *     b.notEmpty.Signal()
 * }
 * }</pre>
 *
 * <p>Three rules make a condition variable work. Check the condition in a loop: {@code await()} gives up the lock
 * while it waits, so by the time it has the lock back another goroutine may have changed the state again. Change
 * the state and signal while the state is consistent (here under the lock, though Go and go4j allow signalling
 * after unlocking too). And a signal is not remembered: it wakes a goroutine that is waiting now, or nobody, which
 * is why the waiting side always checks the state first and waits only if it must.
 *
 * <p>Two producers put five numbers each into a buffer with room for three, and main takes all ten. The numbers
 * from each producer come out in the order it put them (the buffer is first in, first out), and the buffer never
 * holds more than its capacity. In Go itself a buffered channel is this buffer ({@code make(chan int, 3)}); a
 * Cond is for conditions a channel cannot express, such as "at least n items" or "the cache has warmed up".
 *
 * {@snippet :
 * BoundedBuffer.run(2, 5, 3); // from producer 1: 101 102 103 104 105 ...
 * }
 */
public final class BoundedBuffer {
    /** The producers, items per producer and capacity of the tour's run. */
    static final int PRODUCERS = 2;
    static final int ITEMS = 5;
    static final int CAPACITY = 3;

    private BoundedBuffer() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> run(PRODUCERS, ITEMS, CAPACITY));
    }

    /** A FIFO buffer of ints with room for {@code capacity} items. */
    @SuppressWarnings("try") // try (var held = mu.locked()) never names held: that is the idiom
    static final class Buffer {
        private final Mutex mu = new Mutex();
        private final Cond notFull = new Cond(mu);
        private final Cond notEmpty = new Cond(mu);
        private final ArrayDeque<Integer> items = new ArrayDeque<>(); // guarded by mu
        private final int capacity;
        private int most; // the most items ever held; guarded by mu

        Buffer(int capacity) {
            this.capacity = capacity;
        }

        void put(int x) {
            try (var held = mu.locked()) {
                while (items.size() == capacity) {
                    notFull.await(); // unlocks mu while it waits; holds it again when it returns
                }
                items.addLast(x);
                most = Math.max(most, items.size());
                notEmpty.signal(); // one item: one taker may go
            }
        }

        int take() {
            try (var held = mu.locked()) {
                while (items.isEmpty()) {
                    notEmpty.await();
                }
                int x = items.removeFirst();
                notFull.signal(); // one free slot: one putter may go
                return x;
            }
        }

        int most() {
            try (var held = mu.locked()) {
                return most;
            }
        }
    }

    /** {@code producers} goroutines put {@code items} numbers each; main takes them all and prints them. */
    static void run(int producers, int items, int capacity) {
        var buffer = new Buffer(capacity);
        var wg = new WaitGroup();
        for (int p = 1; p <= producers; p++) {
            int producer = p;
            wg.go(() -> {
                for (int i = 1; i <= items; i++) {
                    buffer.put(producer * 100 + i);
                }
            });
        }
        List<List<Integer>> byProducer = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            byProducer.add(new ArrayList<>());
        }
        for (int n = 0; n < producers * items; n++) {
            int x = buffer.take();
            byProducer.get(x / 100 - 1).add(x);
        }
        wg.await();
        for (int p = 0; p < producers; p++) {
            StringBuilder line = new StringBuilder("from producer " + (p + 1) + ":");
            byProducer.get(p).forEach(x -> line.append(' ').append(x));
            System.out.println(line);
        }
        System.out.println("never more than " + capacity + " buffered: " + (buffer.most() <= capacity));
    }
}
