package dev.go4j.bench.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param sched the targets of the issue "go4j's own goroutine scheduler" on this line
 */
record Workload(String label, String benchmarkClass, Map<String, String> params, String goName,
        Map<String, String> jdk, boolean jox, double joxFactor, boolean jdkTarget, Sched sched) {

    /**
     * The scheduler targets of a line: go4j (on its own scheduler) ≤ {@code jdkSchedFactor} × go4j on the JDK's
     * scheduler (1.0: "not slower", every line's target); with {@code parking}, ≤ the best parking JDK primitive of
     * the line ({@link #PARKING}: the spinning {@code Exchanger} is reported, not targeted); with
     * {@code parkFloor}, ≤ {@value #PARK_FLOOR_FACTOR} × {@code ParkFloor} on go4j's scheduler.
     */
    record Sched(double jdkSchedFactor, boolean parking, boolean parkFloor) {
        static final Sched NOT_SLOWER = new Sched(1.0, false, false);
        /** The blocking hand-offs: select and fan-in unbuffered, the sieve. */
        static final Sched HAND_OFF = new Sched(0.7, true, false);
        static final Sched PING_PONG = new Sched(0.7, true, true);
        static final Sched SPAWN = new Sched(1.05, false, false);
    }

    /** The JDK primitives that park rather than spin, by the names the JDK column gives them. */
    static final Set<String> PARKING = Set.of("SynchronousQueue", "LinkedTransferQueue");
    /** Ping-pong's target over the park/unpark floor on go4j's scheduler. */
    static final double PARK_FLOOR_FACTOR = 2.5;

    /** The main table's workloads, rows 1 to 8 (row 9 re-runs {@link #PING_PONG} and {@link #BUFFERED_16}). */
    static final Workload PING_PONG = new Workload("1. unbuffered ping-pong round trip", "PingPong", Map.of(),
            "BenchmarkPingPong", jdk("jdkSynchronousQueue", "SynchronousQueue",
                    "jdkLinkedTransferQueue", "LinkedTransferQueue", "jdkExchanger", "Exchanger"),
            true, 1.0, true, Sched.PING_PONG);
    static final Workload BUFFERED_16 = new Workload("2. buffered 1 producer → 1 consumer, cap 16", "Buffered",
            Map.of("cap", "16"), "BenchmarkBuffered/cap=16", jdk("jdkArrayBlockingQueue", "ArrayBlockingQueue"),
            true, 0.5, true, Sched.NOT_SLOWER);

    static final List<Workload> MAIN = List.of(
            PING_PONG,
            BUFFERED_16,
            new Workload("2. buffered 1 producer → 1 consumer, cap 1024", "Buffered", Map.of("cap", "1024"),
                    "BenchmarkBuffered/cap=1024", jdk("jdkArrayBlockingQueue", "ArrayBlockingQueue"),
                    true, 0.5, true, Sched.NOT_SLOWER),
            new Workload("3. select over 2 channels, 2 producers, unbuffered", "Select2", Map.of("cap", "0"),
                    "BenchmarkSelect2/cap=0", Map.of(), true, 0.5, false, Sched.HAND_OFF),
            new Workload("3. select over 2 channels, 2 producers, cap 16", "Select2", Map.of("cap", "16"),
                    "BenchmarkSelect2/cap=16", Map.of(), true, 0.5, false, Sched.NOT_SLOWER),
            new Workload("4. select, 4 cases incl. a timeout made per iteration", "SelectTimeout", Map.of(),
                    "BenchmarkSelectTimeout", Map.of(), true, 0.5, false, Sched.NOT_SLOWER),
            new Workload("5. spawn + wait 100 000 goroutines", "Spawn", Map.of(), "BenchmarkSpawn",
                    jdk("jdkVirtualThreads", "virtual threads + CountDownLatch"), false, 1.0, false, Sched.SPAWN),
            new Workload("6. contended mutex, 4 goroutines", "MutexContended", Map.of(), "BenchmarkMutexContended",
                    jdk("jdkReentrantLock", "ReentrantLock", "jdkSynchronized", "synchronized"), false, 1.0, false,
                    Sched.NOT_SLOWER),
            new Workload("7. fan-in, 4 producers → 1 consumer, unbuffered", "FanIn", Map.of("cap", "0"),
                    "BenchmarkFanIn/cap=0", jdk("jdkBlockingQueue", "SynchronousQueue"), true, 0.5, false,
                    Sched.HAND_OFF),
            new Workload("7. fan-in, 4 producers → 1 consumer, cap 16", "FanIn", Map.of("cap", "16"),
                    "BenchmarkFanIn/cap=16", jdk("jdkBlockingQueue", "ArrayBlockingQueue"), true, 0.5, false,
                    Sched.NOT_SLOWER),
            new Workload("8. prime sieve, first 1 000 primes, end to end", "Sieve", Map.of(), "BenchmarkSieve",
                    jdk("jdkSynchronousQueue", "SynchronousQueue"), true, 1.0, false, Sched.HAND_OFF));

    /** Row 9: these run again while the side load keeps 2 OS threads busy. */
    static final List<Workload> LOADED = List.of(PING_PONG, BUFFERED_16);

    /** Row 9's labels, in the order of {@link #LOADED}. */
    static final List<String> LOADED_LABELS = List.of(
            "9. ping-pong under side load", "9. buffered 1P1C cap 16 under side load");

    /** The chan_test table: JMH {@code ChanTest.method} against Go's {@code BenchmarkMethod}. */
    static final List<String> CHAN_TEST = List.of("ChanNonblocking", "ChanUncontended", "SelectUncontended",
            "SelectSyncContended", "SelectProdCons", "ChanSync", "ChanProdCons0", "ChanProdCons10", "ChanProdCons100",
            "ChanCreation", "ChanSem");

    /** The park/unpark floor (scheduler row 10), for ping-pong's target. */
    static final SchedulerRow PARK_FLOOR = SchedulerRow.jmh("10. ParkFloor: park/unpark round trip", "ParkFloor",
            Map.of(), null, "virtualThreadRoundTrip", "plain virtual threads", Double.NaN);
    /** Fork-join with GOMAXPROCS 1 and 2 (scheduler row 13), whose ratio is the speed-up. */
    static final SchedulerRow FORK_JOIN_1 = SchedulerRow.jmh("13. fork-join, 16 × ~75 µs, GOMAXPROCS 1",
            "ForkJoin", Map.of("procs", "1"), "BenchmarkForkJoin/procs=1", null, null, Double.NaN);
    static final SchedulerRow FORK_JOIN_2 = SchedulerRow.jmh("13. fork-join, 16 × ~75 µs, GOMAXPROCS 2",
            "ForkJoin", Map.of("procs", "2"), "BenchmarkForkJoin/procs=2", null, null, Double.NaN);
    /** Fork-join's target: the speed-up from 1 to 2 carriers. */
    static final double FORK_JOIN_SPEEDUP = 1.7;

    /**
     * The scheduler table (rows 10 to 14), after the issue "go4j's own goroutine scheduler"; the fork-join
     * speed-up line follows {@link #FORK_JOIN_2}.
     */
    static final List<SchedulerRow> SCHEDULER = List.of(
            PARK_FLOOR,
            SchedulerRow.jmh("11. Go.gosched(), 1 goroutine", "Gosched", Map.of("goroutines", "1"),
                    "BenchmarkGosched/goroutines=1", null, null, 3.0),
            SchedulerRow.jmh("11. Go.gosched(), 2 goroutines yielding", "Gosched", Map.of("goroutines", "2"),
                    "BenchmarkGosched/goroutines=2", null, null, 3.0),
            SchedulerRow.latency("12. child-start latency, go f() to f's first line (µs, mean)", "child-start",
                    Double.NaN),
            FORK_JOIN_1,
            FORK_JOIN_2,
            SchedulerRow.latency("14. timer lateness, 1 ms timer, one carrier busy (µs, median)", "timer-busy",
                    50_000),
            SchedulerRow.latency("14. timer lateness, 1 ms timer, all idle (µs, median)", "timer-idle", 250_000),
            SchedulerRow.latency("14. timer lateness, a program's first timer (µs)", "first-timer", 1_000_000));

    /**
     * The diagnostics table's comparisons, after the issue "runtime diagnostics": spawn with and without created-by
     * capture (row 15), and diagnostics on and off (row 16) on the channel's fast path (chan_test
     * {@code ChanUncontended}: every send finds room, every receive an element), on spawn and on ping-pong.
     */
    static final List<DiagnosticsRow> DIAGNOSTICS = List.of(
            new DiagnosticsRow("15. spawn + wait 100 000 goroutines: created-by capture on / off", "Spawn", "go4j",
                    Map.of(), true),
            new DiagnosticsRow("16. diagnostics on / off: channel fast path (chan_test ChanUncontended)", "ChanTest",
                    "chanUncontended", Map.of(), false),
            new DiagnosticsRow("16. diagnostics on / off: spawn + wait 100 000 goroutines", "Spawn", "go4j",
                    Map.of(), false),
            new DiagnosticsRow("16. diagnostics on / off: unbuffered ping-pong round trip", "PingPong", "go4j",
                    Map.of(), false));
    /** Row 17: {@code GoDump}, one dump of a million blocked goroutines, shown as goroutines per second. */
    static final String DUMP_THROUGHPUT = "17. Go.dump of 1 000 000 blocked goroutines (goroutines/s)";
    /** Row 18: a ping-pong pair's round trips during such a dump ({@code DumpLatency}); the worst < 1 ms. */
    static final List<SchedulerRow> DUMP_LATENCY = List.of(
            SchedulerRow.latency("18. ping-pong round trip during the dump, worst (µs)", "dump-round-trip-worst",
                    1_000_000),
            SchedulerRow.latency("18. ping-pong round trip during the dump, 99.9th percentile (µs)",
                    "dump-round-trip-p999", Double.NaN));

    private static Map<String, String> jdk(String... methodsAndNames) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < methodsAndNames.length; i += 2) {
            map.put(methodsAndNames[i], methodsAndNames[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
