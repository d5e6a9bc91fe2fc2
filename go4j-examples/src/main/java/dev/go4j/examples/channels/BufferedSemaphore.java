package dev.go4j.examples.channels;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.sync.WaitGroup;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lesson: a buffered channel is a counting semaphore. Its capacity is the number of permits: a goroutine takes one
 * by sending a token ({@code sem.send(Empty.VALUE)}, which waits while the buffer is full) and gives it back by
 * receiving one ({@code sem.receive()}). However many goroutines there are, at most {@code cap(sem)} are between the
 * two at once. This is how Go programs bound concurrency, say to a few open connections, without a semaphore type:
 *
 * <pre>{@code
 * sem := make(chan struct{}, 3)
 * for i := range 10 {
 *     wg.Go(func() {
 *         sem <- struct{}{}        // acquire: waits while 3 workers hold a token
 *         defer func() { <-sem }() // release
 *         work(i)
 *     })
 * }
 * }</pre>
 *
 * <p>In Java, the release goes in a {@code finally} block, so that a worker that throws still gives its token back.
 *
 * <p>Ten workers share three permits here. Each counts itself in and out of the guarded section with an
 * {@link AtomicInteger} and keeps the highest count it saw, so the lesson prints the limit as measured, not as
 * promised. That the maximum never exceeds three is the semaphore's doing. That it reaches three is made certain
 * too: the first three workers in hold their permits until main has heard from all three, so at that moment the
 * buffer is full ({@code len(sem) == cap(sem)}) and the other seven must wait their turn. Without that hold the
 * count would usually still reach three, but only usually: on a busy machine the workers might happen to run one
 * after another.
 *
 * {@snippet :
 * BufferedSemaphore.run(10, 3); // ... at most 3 workers at once
 * }
 */
public final class BufferedSemaphore {
    /** How many workers the tour starts. */
    static final int WORKERS = 10;
    /** How many of them may work at once. */
    static final int LIMIT = 3;

    private BufferedSemaphore() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> run(WORKERS, LIMIT));
    }

    /** Starts {@code workers} workers, at most {@code limit} of them working at once, and reports what it saw. */
    static void run(int workers, int limit) {
        Chan<Empty> sem = Chan.make(limit); // the permits
        var inside = new AtomicInteger();   // workers between acquire and release now
        var most = new AtomicInteger();     // the highest value inside ever had
        var entered = new AtomicInteger();  // workers that have acquired so far
        int held = Math.min(limit, workers);
        var firstIn = new WaitGroup();      // the first `held` workers in report here...
        firstIn.add(held);
        Chan<Empty> proceed = Chan.make();  // ...and hold their permits until main closes this
        var squares = new long[workers];
        var wg = new WaitGroup();
        for (int i = 0; i < workers; i++) {
            int id = i;
            wg.go(() -> {
                sem.send(Empty.VALUE); // acquire: waits while the buffer is full
                try {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    if (entered.getAndIncrement() < held) {
                        firstIn.done();
                        proceed.receive(); // returns once main has closed proceed
                    }
                    squares[id] = (long) id * id; // the work
                } finally {
                    inside.decrementAndGet();
                    sem.receive(); // release
                }
            });
        }

        firstIn.await(); // the first workers in hold every permit they can
        System.out.println("permits in use: " + sem.len() + " of " + sem.cap() + "; the other "
                + (workers - held) + " workers must wait for one");
        proceed.close(); // let the first ones finish and everyone else through
        wg.await();

        long sum = 0;
        for (long square : squares) {
            sum += square;
        }
        System.out.println(workers + " workers done, sum of squares " + sum);
        System.out.println("most workers inside at once: " + most.get() + " (limit " + limit + ")");
    }
}
