package dev.go4j.bench;

import com.softwaremill.jox.Channel;
import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.Task;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The memory row: bytes per goroutine blocked in a channel receive. Starts {@code n} goroutines that all block
 * receiving from one unbuffered channel, and divides the growth of the heap by {@code n}: heap used after
 * {@link System#gc()} with all of them blocked, minus heap used after {@code System.gc()} before the first one
 * started. A virtual thread's stack lives in the heap (as stack chunks), so this counts the stack, the thread
 * object and whatever the channel keeps per waiter, like Go's {@code Δ(HeapAlloc + StackInuse)/n}. Everything
 * the measurement itself needs (the array of threads, the channel) is allocated before the baseline.
 *
 * <p>Not a JMH benchmark: it needs a JVM of its own with a large heap ({@code -Xmx8g} for a million).
 *
 * <p>Usage: {@code java -Xmx8g dev.go4j.bench.BlockedMemory -system go4j|jox|jdk [-n 1000000]}. Prints one
 * line {@code bytes-per-goroutine SYSTEM VALUE} and exits without waking the goroutines. Each round of the report
 * is a fresh process, on the Go side too, so that every sample starts from the same state (a process that has
 * already run a million goroutines reuses what they left behind: Go keeps dead goroutines' descriptors for
 * reuse).
 */
public final class BlockedMemory {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final Object RELEASE = new Object();

    private BlockedMemory() {
    }

    /** A way to block goroutines in a channel receive and to release them again. */
    private interface Blocking {
        /**
         * Starts {@code n} goroutines that each run {@code body} (which records its thread, then blocks), all with
         * the same task object, so that nothing is allocated per goroutine but what the system itself needs.
         */
        void startAll(Runnable body, int n);

        /** Blocks the current goroutine in a receive. */
        void receive() throws Exception;

        /** Wakes every blocked goroutine so that it returns. */
        void release(Thread[] threads) throws InterruptedException;
    }

    public static void main(String[] args) throws Exception {
        int n = 1_000_000;
        String system = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-n" -> n = Integer.parseInt(args[++i]);
                case "-system" -> system = args[++i];
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (system == null) {
            throw new IllegalArgumentException("usage: BlockedMemory -system go4j|jox|jdk [-n N]");
        }
        double bytes = measure(system, n, false);
        System.out.printf(Locale.ROOT, "bytes-per-goroutine %s %.1f%n", system, bytes);
        System.out.flush();
        // The goroutines are still blocked: end the process rather than wake a million of them.
        System.exit(0);
    }

    /**
     * One measurement of {@code system} with {@code n} blocked goroutines; returns bytes per goroutine. With
     * {@code release}, wakes them all afterwards and waits until they have ended (the smoke test); otherwise
     * leaves them blocked (the caller is about to exit).
     */
    static double measure(String system, int n, boolean release) throws InterruptedException {
        Thread[] threads = new Thread[n];
        AtomicInteger started = new AtomicInteger();
        Blocking blocking = blocking(system);
        Runnable body = () -> {
            threads[started.getAndIncrement()] = Thread.currentThread();
            try {
                blocking.receive();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        long t0 = System.nanoTime();
        long before = usedAfterGc();
        long t1 = System.nanoTime();
        blocking.startAll(body, n);
        BlockedGoroutines.awaitAllWaiting(threads, started, n);
        long t2 = System.nanoTime();
        long after = usedAfterGc();
        long t3 = System.nanoTime();
        System.err.printf(Locale.ROOT, "%s: baseline %d ms, start and park %d ms, measure %d ms%n", system,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        if (release) {
            blocking.release(threads);
            for (Thread t : threads) {
                t.join();
            }
        }
        return (after - before) / (double) n;
    }

    private static Blocking blocking(String system) {
        return switch (system) {
            case "go4j" -> {
                Chan<Object> ch = Chan.make();
                yield new Blocking() {
                    @Override
                    public void startAll(Runnable body, int n) {
                        Task task = body::run;
                        for (int i = 0; i < n; i++) {
                            Go.go(task);
                        }
                    }

                    @Override
                    public void receive() {
                        ch.receive();
                    }

                    @Override
                    public void release(Thread[] threads) {
                        ch.close();
                    }
                };
            }
            case "jox" -> {
                Channel<Object> ch = Channel.newRendezvousChannel();
                yield new VirtualThreads() {
                    @Override
                    public void receive() throws InterruptedException {
                        ch.receive();
                    }

                    @Override
                    public void release(Thread[] threads) throws InterruptedException {
                        // One value per receiver: each send is matched at once. (Jox's done() recurses once per
                        // segment of waiters and overflows the stack at a million.)
                        for (int i = 0; i < threads.length; i++) {
                            ch.send(RELEASE);
                        }
                    }
                };
            }
            case "jdk" -> {
                SynchronousQueue<Object> queue = new SynchronousQueue<>();
                yield new VirtualThreads() {
                    @Override
                    public void receive() throws InterruptedException {
                        queue.take();
                    }

                    @Override
                    public void release(Thread[] threads) throws InterruptedException {
                        // One value per receiver (interrupting a million waiters would unlink them one by one).
                        for (int i = 0; i < threads.length; i++) {
                            queue.put(RELEASE);
                        }
                    }
                };
            }
            default -> throw new IllegalArgumentException("unknown system: " + system + " (go4j, jox or jdk)");
        };
    }

    /** Jox's and the JDK's goroutines: plain virtual threads. */
    private abstract static class VirtualThreads implements Blocking {
        @Override
        public void startAll(Runnable body, int n) {
            for (int i = 0; i < n; i++) {
                Thread.startVirtualThread(body);
            }
        }
    }

    /** Heap used after full collections, once the number stops falling. */
    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }

    /** For the smoke test: one measurement of each system with {@code n} goroutines, released afterwards. */
    static List<Double> measureAll(int n) throws InterruptedException {
        List<Double> out = new ArrayList<>();
        for (String system : List.of("go4j", "jox", "jdk")) {
            out.add(measure(system, n, true));
        }
        return out;
    }
}
