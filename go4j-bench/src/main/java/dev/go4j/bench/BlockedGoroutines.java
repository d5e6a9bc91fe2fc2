package dev.go4j.bench;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.Task;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Goroutines blocked receiving from one unbuffered channel that nobody sends on, for the dump rows ({@link GoDump},
 * {@link DumpLatency}): what a dump of a program with many idle goroutines has to write. {@link #close()} closes
 * the channel, which wakes them all, and waits until they have ended.
 */
final class BlockedGoroutines implements AutoCloseable {
    /** The channel's debug name, which every blocked goroutine's dump entry shows. */
    static final String CHANNEL = "blocked";

    private final Chan<Object> channel = Chan.make().named(CHANNEL);
    /** Each goroutine's thread, written by the goroutine itself before it blocks. */
    private final Thread[] threads;

    private BlockedGoroutines(int n) {
        this.threads = new Thread[n];
    }

    /** Starts {@code n} goroutines and returns once every one of them is parked in its receive. */
    static BlockedGoroutines start(int n) throws InterruptedException {
        var blocked = new BlockedGoroutines(n);
        Thread[] threads = blocked.threads;
        Chan<Object> channel = blocked.channel;
        AtomicInteger started = new AtomicInteger();
        Task body = () -> {
            threads[started.getAndIncrement()] = Thread.currentThread();
            channel.receive();
        };
        for (int i = 0; i < n; i++) {
            Go.go(body);
        }
        awaitAllWaiting(threads, started, n);
        return blocked;
    }

    /** Wakes every goroutine (the channel is closed) and waits until all have ended. */
    @Override
    public void close() throws InterruptedException {
        channel.close();
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * Waits until all {@code n} goroutines have counted themselves in {@code started} and recorded their threads,
     * and each thread is parked. A goroutine takes its slot before it stores its thread there, so a slot may still
     * be empty once the count is complete: it is read again until filled.
     */
    static void awaitAllWaiting(Thread[] threads, AtomicInteger started, int n) throws InterruptedException {
        while (started.get() < n) {
            Thread.sleep(1);
        }
        for (int i = 0; i < n; i++) {
            while (threads[i] == null || threads[i].getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
    }
}
