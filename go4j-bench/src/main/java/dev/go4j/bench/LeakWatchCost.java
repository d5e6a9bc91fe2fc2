package dev.go4j.bench;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.sync.WaitGroup;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the leak report's machinery costs the garbage collector: {@code n} goroutines blocked in a receive on one
 * channel that the program holds (the shape of go4j-core's scale test), then, with the report available, the same
 * goroutines leaked. Run it three times to compare: with the JVM's defaults, with {@code -Djdk.trackAllThreads=false
 * -Dgo4j.leaks=false} (the JDK flag alone) and with {@code -Djdk.trackAllThreads=false} (the flag and go4j's two
 * references per blocked goroutine).
 *
 * <p>Prints one line: the time to start and block them, bytes of heap per blocked goroutine, the collectors' count
 * and time while they started, and the process CPU time of a full collection with all of them blocked (median of
 * three; the program's threads are stopped meanwhile, so it is the collector's own work, and it does not count time
 * the collector waits for a core on a loaded machine); with the report, how long {@code Go.leakedGoroutines()}
 * took with all of them still reachable (none reported), and once they are leaked (all reported).
 *
 * <p>Not a JMH benchmark: it needs a JVM of its own with a large heap. Usage:
 * {@code java -Xmx6g --add-opens java.base/java.lang=ALL-UNNAMED [flags] dev.go4j.bench.LeakWatchCost [-n 1000000]}.
 */
public final class LeakWatchCost {
    /** The channel the goroutines block on; cleared to leak them. */
    private static final AtomicReference<Chan<Integer>> CHANNEL = new AtomicReference<>();

    private LeakWatchCost() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length == 2 && args[0].equals("-n") ? Integer.parseInt(args[1]) : 1_000_000;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heapBefore = usedHeapAfterGc();
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        long start = System.nanoTime();
        startBlocked(n);
        long started = System.nanoTime();
        long gcs = gcCount() - gcCountBefore;
        long gcMillis = gcMillis() - gcMillisBefore;
        long perGoroutine = (usedHeapAfterGc() - heapBefore) / n;
        long[] fullGcCpu = new long[3];
        for (int i = 0; i < fullGcCpu.length; i++) {
            long cpu = os.getProcessCpuTime();
            System.gc();
            fullGcCpu[i] = os.getProcessCpuTime() - cpu;
        }
        Arrays.sort(fullGcCpu);
        String report;
        try {
            long t0 = System.nanoTime();
            int whileReachable = Go.leakedGoroutines().size();
            long t1 = System.nanoTime();
            CHANNEL.set(null);
            int leaked = Go.leakedGoroutines().size();
            long t2 = System.nanoTime();
            report = String.format(Locale.ROOT, "report with all reachable %.1f s (%d reported), all leaked %.1f s"
                    + " (%d reported)", (t1 - t0) / 1e9, whileReachable, (t2 - t1) / 1e9, leaked);
        } catch (IllegalStateException e) {
            report = "no report: " + e.getMessage();
        }
        System.out.printf(Locale.ROOT, "LeakWatchCost n=%d jdk.trackAllThreads=%s go4j.leaks=%s: started and"
                        + " blocked in %.1f s (%d collections, %.1f s); %d bytes per blocked goroutine; full"
                        + " collection %.2f s CPU; %s%n", n, System.getProperty("jdk.trackAllThreads"),
                System.getProperty("go4j.leaks"), (started - start) / 1e9, gcs, gcMillis / 1e3, perGoroutine,
                fullGcCpu[1] / 1e9, report);
        System.exit(0); // rather than wake a million goroutines
    }

    /**
     * Starts {@code n} goroutines that receive on {@link #CHANNEL}; returns once each is about to (the last few
     * park within microseconds, long before the first collection that counts: the report's count confirms it).
     */
    private static void startBlocked(int n) {
        Chan<Integer> ch = Chan.make();
        CHANNEL.set(ch);
        var ready = new WaitGroup();
        ready.add(n);
        for (int i = 0; i < n; i++) {
            Go.go(() -> {
                Chan<Integer> mine = CHANNEL.get();
                ready.done();
                mine.receive();
            });
        }
        ready.await();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
