package dev.go4j.bench.report;

import java.util.List;
import java.util.Map;

/**
 * One line of a results table: which JMH benchmarks and which Go benchmark measure the same workload, and the
 * targets go4j has on it.
 *
 * @param label the workload as the table shows it
 * @param benchmarkClass the JMH class (simple name) whose methods are the Java columns
 * @param params the JMH parameters of this line (e.g. {@code cap=16})
 * @param goName the Go benchmark (e.g. {@code BenchmarkBuffered/cap=16})
 * @param jdk the JDK candidates, method name to the primitive's name; the JDK column shows the fastest
 * @param jox whether Jox has this workload (method {@code jox})
 * @param joxFactor the Jox target: go4j ≤ joxFactor × Jox
 * @param jdkTarget whether go4j must beat the best JDK primitive here
 */
record Workload(String label, String benchmarkClass, Map<String, String> params, String goName,
        Map<String, String> jdk, boolean jox, double joxFactor, boolean jdkTarget) {

    /** The main table's workloads, rows 1 to 8 (row 9 re-runs {@link #PING_PONG} and {@link #BUFFERED_16}). */
    static final Workload PING_PONG = new Workload("1. unbuffered ping-pong round trip", "PingPong", Map.of(),
            "BenchmarkPingPong", jdk("jdkSynchronousQueue", "SynchronousQueue",
                    "jdkLinkedTransferQueue", "LinkedTransferQueue", "jdkExchanger", "Exchanger"),
            true, 1.0, true);
    static final Workload BUFFERED_16 = new Workload("2. buffered 1 producer → 1 consumer, cap 16", "Buffered",
            Map.of("cap", "16"), "BenchmarkBuffered/cap=16", jdk("jdkArrayBlockingQueue", "ArrayBlockingQueue"),
            true, 0.5, true);

    static final List<Workload> MAIN = List.of(
            PING_PONG,
            BUFFERED_16,
            new Workload("2. buffered 1 producer → 1 consumer, cap 1024", "Buffered", Map.of("cap", "1024"),
                    "BenchmarkBuffered/cap=1024", jdk("jdkArrayBlockingQueue", "ArrayBlockingQueue"),
                    true, 0.5, true),
            new Workload("3. select over 2 channels, 2 producers, unbuffered", "Select2", Map.of("cap", "0"),
                    "BenchmarkSelect2/cap=0", Map.of(), true, 0.5, false),
            new Workload("3. select over 2 channels, 2 producers, cap 16", "Select2", Map.of("cap", "16"),
                    "BenchmarkSelect2/cap=16", Map.of(), true, 0.5, false),
            new Workload("4. select, 4 cases incl. a timeout made per iteration", "SelectTimeout", Map.of(),
                    "BenchmarkSelectTimeout", Map.of(), true, 0.5, false),
            new Workload("5. spawn + wait 100 000 goroutines", "Spawn", Map.of(), "BenchmarkSpawn",
                    jdk("jdkVirtualThreads", "virtual threads + CountDownLatch"), false, 1.0, false),
            new Workload("6. contended mutex, 4 goroutines", "MutexContended", Map.of(), "BenchmarkMutexContended",
                    jdk("jdkReentrantLock", "ReentrantLock", "jdkSynchronized", "synchronized"), false, 1.0, false),
            new Workload("7. fan-in, 4 producers → 1 consumer, unbuffered", "FanIn", Map.of("cap", "0"),
                    "BenchmarkFanIn/cap=0", jdk("jdkBlockingQueue", "SynchronousQueue"), true, 0.5, false),
            new Workload("7. fan-in, 4 producers → 1 consumer, cap 16", "FanIn", Map.of("cap", "16"),
                    "BenchmarkFanIn/cap=16", jdk("jdkBlockingQueue", "ArrayBlockingQueue"), true, 0.5, false),
            new Workload("8. prime sieve, first 1 000 primes, end to end", "Sieve", Map.of(), "BenchmarkSieve",
                    jdk("jdkSynchronousQueue", "SynchronousQueue"), true, 1.0, false));

    /** Row 9: these run again while the side load keeps 2 OS threads busy. */
    static final List<Workload> LOADED = List.of(PING_PONG, BUFFERED_16);

    /** Row 9's labels, in the order of {@link #LOADED}. */
    static final List<String> LOADED_LABELS = List.of(
            "9. ping-pong under side load", "9. buffered 1P1C cap 16 under side load");

    /** The chan_test table: JMH {@code ChanTest.method} against Go's {@code BenchmarkMethod}. */
    static final List<String> CHAN_TEST = List.of("ChanNonblocking", "SelectUncontended", "SelectSyncContended",
            "SelectProdCons", "ChanSync", "ChanProdCons0", "ChanProdCons10", "ChanProdCons100", "ChanCreation",
            "ChanSem");

    private static Map<String, String> jdk(String... methodsAndNames) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < methodsAndNames.length; i += 2) {
            map.put(methodsAndNames[i], methodsAndNames[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
