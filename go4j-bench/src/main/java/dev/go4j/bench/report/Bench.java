package dev.go4j.bench.report;

import dev.go4j.bench.Sizes;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Version;

/**
 * {@code ./go4j bench [quick|full]}: runs everything, one step after the other so that no step disturbs another,
 * and writes the report. The steps:
 * <ol>
 *   <li>JMH over the whole Java suite, through JMH's {@link Runner} in this JVM (each benchmark forks JVMs of its
 *       own, with go4j's own scheduler); its results are kept in {@code raw/jmh.*} (see {@link RawData});
 *   <li>JMH over go4j's benchmarks again (every {@code go4j} method and the chan_test ports) in forks started with
 *       {@value #JDK_SCHEDULER}, the column "go4j (JDK sched.)" ({@code raw/jmh-jdk-sched.*});
 *   <li>the diagnostics rows' passes: the channel fast path, spawn and ping-pong with {@code -Dgo4j.deadlock=off}
 *       ({@code raw/jmh-diagnostics-off.*}), spawn with {@code -Dgo4j.debug.createdBy=true}
 *       ({@code raw/jmh-created-by.*});
 *   <li>the Go benchmarks, {@code go test -bench . -benchmem -count N} ({@code raw/go.txt});
 *   <li>the memory row, Java then Go, each in a process of its own ({@code raw/memory-*.txt});
 *   <li>the latency rows: {@link dev.go4j.bench.Latency} on each scheduler, then Go's {@code latency}, each round
 *       a fresh process ({@code raw/latency-*.txt});
 *   <li>the dump rows: {@link dev.go4j.bench.GoDump} (a million blocked goroutines dumped in single shots, one
 *       fork with a heap of {@value #DUMP_HEAP}, {@code raw/jmh-dump.*}), then {@link dev.go4j.bench.DumpLatency}
 *       ({@code raw/latency-dump.txt});
 *   <li>row 9: a {@link dev.go4j.bench.SideLoad} process keeps 2 OS threads busy while JMH (both passes) and then
 *       Go run the ping-pong and buffered (cap 16) benchmarks again ({@code raw/*-loaded*});
 *   <li>optionally (always in {@code full}; in {@code quick} with {@code GO4J_BENCH_JOX_EXTRA=1}) the Jox
 *       benchmarks again against Jox {@value #JOX_EXTRA_VERSION}, fetched as a lone jar by Maven;
 *   <li>{@link Report}: {@code bench/report.md} and {@code bench/report.svg}.
 * </ol>
 * A step that cannot run (no Go) or fails is recorded and its cells say so; the report is written anyway.
 *
 * <p>Usage: {@code java -cp … dev.go4j.bench.report.Bench MODE ROOT}, with the class path of go4j-bench (the
 * launcher passes it). Environment: {@code GO4J_BENCH_NO_GO} (why the launcher could not provide Go),
 * {@code GO4J_BENCH_START} (epoch seconds when the launcher started, for the wall time),
 * {@code GO4J_BENCH_NOTE} (a note printed at the top of the report), {@code GO4J_BENCH_JOX_EXTRA=1}.
 */
public final class Bench {
    static final String JOX_EXTRA_VERSION = "1.1.1";
    /**
     * The goal that fetches the Jox {@value #JOX_EXTRA_VERSION} jar alone. Its parent POM is not served, and the
     * 3.x dependency plugins fail on the missing descriptor even with {@code -Dtransitive=false}; 2.8 (the version
     * Maven 3's super POM names) copies the jar without it.
     */
    private static final String JOX_EXTRA_FETCH = "org.apache.maven.plugins:maven-dependency-plugin:2.8:copy";
    /**
     * JVM options of every JMH fork: a fixed heap, so that heap sizing does not move between runs, touched when the
     * fork starts ({@code -XX:+AlwaysPreTouch}), so that no measurement pays the first page faults of heap regions
     * the collector had not used yet (without it, 5 forks of the same build gave row 4 393 ± 65 ns, with it
     * 299 ± 9; about 0.8 s per fork for 2 GB); java.lang opened
     * to the class path, which gives go4j its own goroutine scheduler (the JDK-scheduler pass adds
     * {@value #JDK_SCHEDULER}); on JDK 24+, permission for the {@code sun.misc.Unsafe} calls JMH's harness makes,
     * which would otherwise print warnings.
     */
    static final List<String> FORK_JVM_ARGS = forkJvmArgs("2g");
    /** The heap of the dump rows' JVMs: a million blocked goroutines and the garbage of dumping them. */
    static final String DUMP_HEAP = "6g";
    /** The system property that puts go4j on the JDK's virtual-thread scheduler: the second go4j column. */
    static final String JDK_SCHEDULER = "-Dgo4j.scheduler=jdk";
    private static final int MEMORY_GOROUTINES = 1_000_000;
    /** The dump benchmark, which runs only in a step of its own (a big heap, single shots), never in a pass. */
    static final String DUMP_BENCHMARK = "dev\\.go4j\\.bench\\.GoDump\\.";

    /**
     * A JMH pass over some of go4j's benchmarks again, with the mode's settings, in forks that get one more JVM
     * option; its results go to {@code raw/NAME.*}. The dump benchmark is never part of one.
     *
     * @param name the raw data's name ({@link RawData})
     * @param jvmOption the option the forks add to {@link #FORK_JVM_ARGS}
     * @param includes the benchmarks, as JMH's include patterns
     */
    record Pass(String name, String jvmOption, List<String> includes) {
        /** {@code options} with this pass's benchmarks and its option. */
        ChainedOptionsBuilder select(ChainedOptionsBuilder options) {
            includes.forEach(options::include);
            return options.exclude(DUMP_BENCHMARK).jvmArgsAppend(jvmOption);
        }
    }

    /** The column "go4j (JDK sched.)": every go4j benchmark method, and the chan_test ports. */
    static final Pass JDK_SCHEDULER_PASS = new Pass(RawData.JMH_JDK_SCHED, JDK_SCHEDULER,
            List.of("dev\\.go4j\\.bench\\..*\\.go4j$", "dev\\.go4j\\.bench\\.ChanTest\\."));
    /** Diagnostics row 16's "off" side: the channel fast path, spawn and ping-pong without the wait counters. */
    static final Pass DIAGNOSTICS_OFF_PASS = new Pass(RawData.JMH_DIAGNOSTICS_OFF, "-Dgo4j.deadlock=off",
            List.of("dev\\.go4j\\.bench\\.ChanTest\\.chanUncontended$",
                    "dev\\.go4j\\.bench\\.(Spawn|PingPong)\\.go4j$"));
    /** Diagnostics row 15's "on" side: spawn with the creating frame captured in every {@code go}. */
    static final Pass CREATED_BY_PASS = new Pass(RawData.JMH_CREATED_BY, "-Dgo4j.debug.createdBy=true",
            List.of("dev\\.go4j\\.bench\\.Spawn\\.go4j$"));
    /** The passes after the main run, in the order they run. */
    static final List<Pass> PASSES = List.of(JDK_SCHEDULER_PASS, DIAGNOSTICS_OFF_PASS, CREATED_BY_PASS);

    /** {@link #FORK_JVM_ARGS} with a heap of {@code heap}, fixed ({@code -Xms} = {@code -Xmx}) and pre-touched. */
    static List<String> forkJvmArgs(String heap) {
        List<String> args = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch",
                "--add-opens=java.base/java.lang=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(args);
    }

    /**
     * The settings of a mode; {@code dumps} is both the single-shot iterations of the dump benchmark and the dumps
     * per {@code DumpLatency} process, {@code dumpRounds} how many such processes run.
     */
    record Mode(String name, int forks, int warmupIterations, String warmupTime, int iterations,
            String iterationTime, int goCount, String goBenchtime, int memoryRounds, int latencyRounds, int dumps,
            int dumpRounds, boolean joxExtra) {

        static Mode of(String name) {
            return switch (name) {
                // 95 JMH benchmarks of ~4.5 s (53 on go4j's scheduler, 28 on the JDK's, 10 under side load, 3 with
                // diagnostics off and 1 with created-by capture) and 28 Go benchmarks of ~3.5 s, plus build, memory
                // (~1 min), latency (~40 s) and the dump rows (~1.5 min: two JVMs that each start a million
                // goroutines and dump them 3 times at ~10 s a dump): about 12 min on 2 cores.
                case "quick" -> new Mode("quick", 1, 2, "500ms", 5, "500ms", 5, "0.5s", 3, 5, 3, 1, false);
                // 95 × 32 s of JMH, 28 × 22 s of Go, the Jox column (~5 min), memory, latency and the dump rows
                // (~3 min: 5 dumps in the benchmark, 2 DumpLatency processes of 5): about 71 min.
                case "full" -> new Mode("full", 2, 5, "1s", 10, "1s", 20, "1s", 5, 10, 5, 2, true);
                default -> throw new IllegalArgumentException("mode must be quick or full, not " + name);
            };
        }

        /** JMH's settings in this mode; the caller adds which benchmarks to run. */
        ChainedOptionsBuilder jmhOptions() {
            return new OptionsBuilder().forks(forks)
                    .warmupIterations(warmupIterations).warmupTime(TimeValue.fromString(warmupTime))
                    .measurementIterations(iterations).measurementTime(TimeValue.fromString(iterationTime))
                    .mode(org.openjdk.jmh.annotations.Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS)
                    .addProfiler(GCProfiler.class).shouldFailOnError(false)
                    .jvmArgs(FORK_JVM_ARGS.toArray(String[]::new));
        }

        /**
         * JMH's settings for the dump benchmark: one fork with a heap of {@value Bench#DUMP_HEAP}, {@code dumps}
         * single-shot iterations (one dump each) and no warm-up iterations (the benchmark's setup warms the dump up
         * on a few thousand goroutines).
         */
        ChainedOptionsBuilder dumpOptions() {
            return new OptionsBuilder().include(DUMP_BENCHMARK).forks(1).warmupIterations(0)
                    .measurementIterations(dumps).mode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
                    .timeUnit(TimeUnit.NANOSECONDS).shouldFailOnError(false)
                    .jvmArgs(forkJvmArgs(DUMP_HEAP).toArray(String[]::new));
        }

        List<String> goOptions() {
            return List.of("-test.benchmem", "-test.count", Integer.toString(goCount), "-test.benchtime", goBenchtime,
                    "-test.timeout", "90m");
        }
    }

    private final Mode mode;
    private final Path root;
    private final Path raw;
    private final Path goDir;
    private final String java;
    private final List<String> classPath;
    private final Properties meta = new Properties();
    private final long startMillis;
    private String go;
    /** Child processes still running (a benchmark, the side load); destroyed if this JVM is stopped. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    private Bench(Mode mode, Path root) {
        this.mode = mode;
        this.root = root;
        this.raw = root.resolve("bench/raw");
        this.goDir = root.resolve("go4j-bench/go");
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        String start = System.getenv("GO4J_BENCH_START");
        this.startMillis = start != null && start.matches("\\d+") ? Long.parseLong(start) * 1000
                : System.currentTimeMillis();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Bench quick|full ROOT");
            System.exit(2);
        }
        // Ctrl-C or kill: take the running benchmark (and the side load) down too.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
        new Bench(Mode.of(args[0]), Path.of(args[1]).toAbsolutePath()).run();
    }

    private void run() throws Exception {
        prepareRawDir();
        describeMachine();
        findGo();

        say("JMH: the whole suite (" + mode.name + " settings), but the dump");
        meta.setProperty("jmh.status", jmh(RawData.JMH, mode.jmhOptions().include("dev\\.go4j\\.bench\\..*")
                .exclude(DUMP_BENCHMARK)));

        say("JMH: go4j's benchmarks again on the JDK's scheduler (" + JDK_SCHEDULER + ")");
        pass(JDK_SCHEDULER_PASS, "jmh.jdk-sched.status");
        say("JMH: the channel fast path, spawn and ping-pong again with diagnostics off ("
                + DIAGNOSTICS_OFF_PASS.jvmOption() + ")");
        pass(DIAGNOSTICS_OFF_PASS, "jmh.diagnostics-off.status");
        say("JMH: spawn again with created-by capture (" + CREATED_BY_PASS.jvmOption() + ")");
        pass(CREATED_BY_PASS, "jmh.created-by.status");

        if (go != null) {
            say("Go: the same workloads, and the chan_test ports");
            meta.setProperty("go.status", goBench(RawData.GO, "."));
        }

        say("memory: " + String.format(Locale.ROOT, "%,d", MEMORY_GOROUTINES) + " blocked goroutines, "
                + mode.memoryRounds + " rounds");
        meta.setProperty("memory.n", Integer.toString(MEMORY_GOROUTINES));
        meta.setProperty("memory.rounds", Integer.toString(mode.memoryRounds));
        memory();

        say("latency: child start and timers, " + mode.latencyRounds + " rounds of a fresh process per system");
        meta.setProperty("latency.rounds", Integer.toString(mode.latencyRounds));
        latency();

        say("dump: Go.dump of " + String.format(Locale.ROOT, "%,d", Sizes.DUMP_GOROUTINES) + " blocked goroutines, "
                + mode.dumps + " single-shot dumps in one JMH fork (-Xmx" + DUMP_HEAP + "), then "
                + mode.dumpRounds + " DumpLatency process(es) of " + mode.dumps + " dumps");
        dump();

        say("row 9: ping-pong and buffered cap 16 again, under a side load of 2 busy OS threads");
        try {
            loaded();
        } catch (IOException e) {
            meta.setProperty("jmh.loaded.status", "not run: " + e.getMessage());
            say("row 9 not run: " + e.getMessage());
        }

        if (mode.joxExtra || "1".equals(System.getenv("GO4J_BENCH_JOX_EXTRA"))) {
            say("Jox " + JOX_EXTRA_VERSION + ": the Jox benchmarks again (optional column)");
            joxExtra();
        } else {
            meta.setProperty("jox.extra.status", "not run in " + mode.name
                    + " mode (runs in full, or with GO4J_BENCH_JOX_EXTRA=1)");
        }

        long wallSeconds = (System.currentTimeMillis() - startMillis) / 1000;
        meta.setProperty("wall", wallSeconds / 60 + " min " + wallSeconds % 60 + " s");
        writeMeta();
        Path report = Report.write(raw, root.resolve("bench"));
        say("wrote " + root.relativize(report) + " and " + root.relativize(root.resolve("bench/" + Report.CHART))
                + " (wall time " + meta.getProperty("wall") + ")");
        printMainTable(report);
    }

    // -----------------------------------------------------------------------------------------------------------
    // Steps

    private void prepareRawDir() throws IOException {
        Files.createDirectories(raw);
        try (Stream<Path> old = Files.walk(raw)) {
            for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(raw)) {
                    Files.delete(p);
                }
            }
        }
        meta.setProperty("mode", mode.name);
        meta.setProperty("started", ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        String note = System.getenv("GO4J_BENCH_NOTE");
        if (note != null && !note.isBlank()) {
            meta.setProperty("note", note);
        }
        meta.setProperty("jmh.version", Version.getPlainVersion());
        meta.setProperty("jmh.settings", "avgt, " + mode.forks + " fork(s), " + mode.warmupIterations + " × "
                + mode.warmupTime + " warmup, " + mode.iterations + " × " + mode.iterationTime
                + " measurement, -prof gc, fork JVM options " + String.join(" ", FORK_JVM_ARGS) + " (each pass adds"
                + " its own: " + String.join(", ", PASSES.stream().map(Pass::jvmOption).toList()) + ")");
        meta.setProperty("dump.settings", "1 fork, -Xmx" + DUMP_HEAP + ", " + mode.dumps
                + " single-shot dumps after the setup's warm-up");
        meta.setProperty("dump.latency.settings", mode.dumpRounds + " process(es) × " + mode.dumps + " dumps, -Xmx"
                + DUMP_HEAP);
        meta.setProperty("go.settings", "go test -bench . -benchmem -count " + mode.goCount + " -benchtime "
                + mode.goBenchtime + ", GOMAXPROCS = cores");
        meta.setProperty("jox.version", joxVersion());
        meta.setProperty("jox.extra.version", JOX_EXTRA_VERSION);
        meta.setProperty("sideload", "a separate JVM (dev.go4j.bench.SideLoad) with 2 platform threads spinning"
                + " on arithmetic, started before and stopped after the loaded JMH and Go runs");
        meta.setProperty("java.runtime", System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
    }

    private void describeMachine() {
        meta.setProperty("machine.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        meta.setProperty("machine.cpu", firstMatch(Path.of("/proc/cpuinfo"), "^model name\\s*:\\s*(.+)$", "CPU ?"));
        String kb = firstMatch(Path.of("/proc/meminfo"), "^MemTotal:\\s*(\\d+) kB$", null);
        meta.setProperty("machine.memory", kb == null ? "memory ?"
                : String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(kb) / 1024.0 / 1024.0));
        meta.setProperty("machine.os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
    }

    private void findGo() throws IOException, InterruptedException {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "go");
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                go = candidate.toString();
                break;
            }
        }
        if (go == null) {
            String why = System.getenv("GO4J_BENCH_NO_GO");
            meta.setProperty("go.status", "not run: " + (why == null || why.isBlank() ? "go is not on PATH" : why));
            meta.setProperty("go.version", "none");
            say("Go: " + meta.getProperty("go.status") + "; the Go column will say \"not run\"");
            return;
        }
        var out = new ArrayList<String>();
        int status = exec(List.of(go, "version"), goDir, goEnv(), null, out::add);
        meta.setProperty("go.version", status == 0 && !out.isEmpty() ? out.get(0).replace("go version ", "")
                : "unknown (go version failed)");
        // Build the benchmark binary and the memory program once; a failure means "not run".
        Path buildLog = raw.resolve("go-build.log");
        status = exec(List.of(go, "test", "-c", "-o", raw.resolve("go4jbench.test").toString(), "."), goDir,
                goEnv(), buildLog, null);
        for (String program : List.of("blockedmem", "latency")) {
            if (status == 0) {
                status = exec(List.of(go, "build", "-o", raw.resolve(program).toString(), "./" + program), goDir,
                        goEnv(), raw.resolve("go-build-" + program + ".log"), null);
            }
        }
        if (status != 0) {
            meta.setProperty("go.status", "not run: building the Go benchmarks failed (exit " + status
                    + ", see bench/raw/go-build*.log)");
            say("Go: " + meta.getProperty("go.status"));
            go = null;
        }
    }

    /**
     * Runs JMH in this JVM with {@code options} (a mode's settings and the benchmarks to run) and keeps the run's
     * results in {@code raw/NAME.ser}, JMH's JSON in {@code raw/NAME.json} and its text output in
     * {@code raw/NAME.log}; returns the status text for the report.
     */
    private String jmh(String name, ChainedOptionsBuilder options) throws IOException {
        String log = name + ".log";
        var progress = new JmhProgress();
        Collection<RunResult> results;
        try (Writer logFile = Files.newBufferedWriter(raw.resolve(log), StandardCharsets.UTF_8);
                var out = new PrintStream(new Lines(appendTo(logFile, progress)), true, StandardCharsets.UTF_8)) {
            options.resultFormat(ResultFormatType.JSON).result(raw.resolve(name + ".json").toString());
            try {
                results = new Runner(options.build(), OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL))
                        .run();
            } catch (RunnerException e) {
                e.printStackTrace(out);
                return "failed (" + e.getMessage() + ", see bench/raw/" + log + ")";
            }
        }
        JmhResults.write(JmhResults.file(raw, name), results);
        return progress.failures == 0 ? "ok"
                : progress.failures + " benchmark(s) failed, see bench/raw/" + log;
    }

    /**
     * Runs the Go benchmark binary once per pattern, all output into {@code output}. (One pattern cannot select
     * a benchmark without sub-benchmarks and one sub-benchmark of another: Go matches patterns level by level.)
     */
    private String goBench(String output, String... patterns) throws IOException, InterruptedException {
        try (Writer out = Files.newBufferedWriter(raw.resolve(output), StandardCharsets.UTF_8)) {
            for (String pattern : patterns) {
                List<String> cmd = new ArrayList<>(List.of(raw.resolve("go4jbench.test").toString(), "-test.run",
                        "^$", "-test.bench", pattern));
                cmd.addAll(mode.goOptions());
                int status = exec(cmd, goDir, goEnv(), null, appendTo(out, echo(line -> line.startsWith("Benchmark"),
                        line -> "go  " + line.replaceAll("\\s+", " "))));
                if (status != 0) {
                    return "failed (exit " + status + ", see bench/raw/" + output + ")";
                }
            }
        }
        return "ok";
    }

    /**
     * The memory row: each round starts one fresh process per system (go4j, Jox, JDK, then Go), so that every
     * sample starts from the same state.
     */
    private void memory() throws IOException, InterruptedException {
        String n = Integer.toString(MEMORY_GOROUTINES);
        List<Program> programs = new ArrayList<>();
        for (String system : List.of("go4j", "jox", "jdk")) {
            programs.add(new Program(system, javaCommand(List.of("-Xmx8g"), "dev.go4j.bench.BlockedMemory", "-system",
                    system, "-n", n), root, Map.of(), RawData.MEMORY_JAVA));
        }
        if (go != null) {
            programs.add(new Program("go", List.of(raw.resolve("blockedmem").toString(), "-n", n), goDir, goEnv(),
                    RawData.MEMORY_GO));
        }
        Map<String, String> status = rounds(mode.memoryRounds, programs, line -> "mem " + line);
        meta.setProperty("memory.java.status", status.get(RawData.MEMORY_JAVA));
        meta.setProperty("memory.go.status", go == null ? meta.getProperty("go.status") : status.get(RawData.MEMORY_GO));
    }

    /**
     * The latency rows: each round starts {@link dev.go4j.bench.Latency} with go4j's scheduler, then with the JDK's,
     * then Go's {@code latency}, each a fresh process (its first timer is one sample of the first-timer row).
     */
    private void latency() throws IOException, InterruptedException {
        List<Program> programs = new ArrayList<>();
        programs.add(new Program("go4j", javaCommand(FORK_JVM_ARGS, "dev.go4j.bench.Latency"), root, Map.of(),
                RawData.LATENCY_JAVA));
        List<String> onJdk = new ArrayList<>(FORK_JVM_ARGS);
        onJdk.add(JDK_SCHEDULER);
        programs.add(new Program("go4j-jdk", javaCommand(onJdk, "dev.go4j.bench.Latency"), root, Map.of(),
                RawData.LATENCY_JAVA));
        if (go != null) {
            programs.add(new Program("go", List.of(raw.resolve("latency").toString()), goDir, goEnv(),
                    RawData.LATENCY_GO));
        }
        Map<String, String> status = rounds(mode.latencyRounds, programs, line -> "lat " + line);
        meta.setProperty("latency.java.status", status.get(RawData.LATENCY_JAVA));
        meta.setProperty("latency.go.status", go == null ? meta.getProperty("go.status")
                : status.get(RawData.LATENCY_GO));
    }

    /**
     * The dump rows: {@link dev.go4j.bench.GoDump} in JMH with the mode's {@link Mode#dumpOptions()}, then
     * {@link dev.go4j.bench.DumpLatency}, each round a fresh process with the same heap.
     */
    private void dump() throws IOException, InterruptedException {
        meta.setProperty("jmh.dump.status", jmh(RawData.JMH_DUMP, mode.dumpOptions()));
        Program program = new Program("go4j", javaCommand(forkJvmArgs(DUMP_HEAP), "dev.go4j.bench.DumpLatency",
                "-dumps", Integer.toString(mode.dumps)), root, Map.of(), RawData.LATENCY_DUMP);
        Map<String, String> status = rounds(mode.dumpRounds, List.of(program), line -> "dump " + line);
        meta.setProperty("dump.latency.status", status.get(RawData.LATENCY_DUMP));
    }

    /** Runs {@code pass} with the mode's settings and records its status under {@code statusKey}. */
    private void pass(Pass pass, String statusKey) throws IOException {
        meta.setProperty(statusKey, jmh(pass.name(), pass.select(mode.jmhOptions())));
    }

    /** A program that prints samples: its name for messages, command, directory, environment and output file. */
    private record Program(String name, List<String> command, Path dir, Map<String, String> env, String output) {
    }

    /**
     * Runs every program once per round, in order, each a fresh process, its output appended to its file in the
     * raw directory (the sample lines echoed as {@code format} makes them); returns each file's status, "ok" or
     * why not.
     */
    private Map<String, String> rounds(int rounds, List<Program> programs, UnaryOperator<String> format)
            throws IOException, InterruptedException {
        Map<String, Writer> out = new LinkedHashMap<>();
        Map<String, String> status = new LinkedHashMap<>();
        try {
            for (Program p : programs) {
                if (!out.containsKey(p.output())) {
                    out.put(p.output(), Files.newBufferedWriter(raw.resolve(p.output()), StandardCharsets.UTF_8));
                    status.put(p.output(), "ok");
                }
            }
            for (int round = 1; round <= rounds; round++) {
                for (Program p : programs) {
                    int exit = exec(p.command(), p.dir(), p.env(), null,
                            appendTo(out.get(p.output()), echo(Bench::isSample, format)));
                    if (exit != 0) {
                        status.put(p.output(), "failed (" + p.name() + ": exit " + exit + ", see bench/raw/"
                                + p.output() + ")");
                    }
                }
            }
        } finally {
            for (Writer w : out.values()) {
                w.close();
            }
        }
        return status;
    }

    /** {@code java OPTIONS -cp (this class path) MAIN ARGS}. */
    private List<String> javaCommand(List<String> options, String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), main));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Writes each line to {@code out}, then hands it to {@code next}. */
    private static Consumer<String> appendTo(Writer out, Consumer<String> next) {
        return line -> {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            next.accept(line);
        };
    }

    /** Echoes the lines that {@code shown} picks, as {@code format}s them. */
    private static Consumer<String> echo(Predicate<String> shown, UnaryOperator<String> format) {
        return line -> {
            if (shown.test(line)) {
                System.out.println("  " + format.apply(line));
            }
        };
    }

    private static boolean isSample(String line) {
        return line.startsWith(SampleResults.MEMORY + " ") || line.startsWith(SampleResults.LATENCY + " ");
    }

    private void loaded() throws IOException, InterruptedException {
        Process load = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classPath),
                "dev.go4j.bench.SideLoad", "2").redirectErrorStream(true).start();
        RUNNING.add(load);
        try {
            var out = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            if (ready == null || !ready.startsWith("side load")) {
                throw new IOException("the side load did not start: " + ready);
            }
            Thread.sleep(1000); // let it reach full speed
            meta.setProperty("jmh.loaded.status", jmh(RawData.JMH_LOADED, mode.jmhOptions()
                    .include("dev\\.go4j\\.bench\\.PingPong\\.").include("dev\\.go4j\\.bench\\.Buffered\\.")
                    .param("cap", "16")));
            meta.setProperty("jmh.loaded.jdk-sched.status", jmh(RawData.JMH_LOADED_JDK_SCHED, onJdkScheduler(
                    mode.jmhOptions().include("dev\\.go4j\\.bench\\.(PingPong|Buffered)\\.go4j$")
                    .param("cap", "16"))));
            if (go != null) {
                meta.setProperty("go.loaded.status",
                        goBench(RawData.GO_LOADED, "^BenchmarkPingPong$", "^BenchmarkBuffered$/^cap=16$"));
            }
        } finally {
            load.getOutputStream().close(); // its stdin: the load exits at end of input
            load.destroy();
            load.waitFor();
            RUNNING.remove(load);
        }
    }

    private void joxExtra() throws IOException, InterruptedException {
        Path dir = raw.resolve("jox-extra");
        int status = exec(List.of("mvn", "-B", "-q", "-ntp", "-f", root.resolve("go4j-bench/pom.xml").toString(),
                JOX_EXTRA_FETCH, "-Dartifact=com.softwaremill.jox:channels:" + JOX_EXTRA_VERSION,
                "-Dtransitive=false", "-DoutputDirectory=" + dir), root, Map.of(), raw.resolve("jox-extra-fetch.log"),
                null);
        Path jar = dir.resolve("channels-" + JOX_EXTRA_VERSION + ".jar");
        if (status != 0 || !Files.isRegularFile(jar)) {
            meta.setProperty("jox.extra.status", "not run: its jar could not be fetched (see"
                    + " bench/raw/jox-extra-fetch.log)");
            return;
        }
        List<String> cp = new ArrayList<>();
        for (String entry : classPath) {
            cp.add(entry.contains("com/softwaremill/jox/channels/") || entry.matches(".*channels-[0-9.]+\\.jar")
                    ? jar.toString() : entry);
        }
        // JMH starts every fork with this JVM's class path (its Runner reads java.class.path): swap it for this run.
        String own = System.getProperty("java.class.path");
        System.setProperty("java.class.path", String.join(File.pathSeparator, cp));
        String status2;
        try {
            status2 = jmh(RawData.JMH_JOX_EXTRA, mode.jmhOptions().include("dev\\.go4j\\.bench\\..*\\.jox$"));
        } finally {
            System.setProperty("java.class.path", own);
        }
        meta.setProperty("jox.extra.status", status2.equals("ok") ? "ran, same settings, same benchmarks" : status2);
    }

    // -----------------------------------------------------------------------------------------------------------
    // Helpers

    /** {@code options} for the forks of a JDK-scheduler pass. */
    private static ChainedOptionsBuilder onJdkScheduler(ChainedOptionsBuilder options) {
        return options.jvmArgsAppend(JDK_SCHEDULER);
    }

    /** Go's environment: never download anything (the module has no dependencies), never switch toolchains. */
    private static Map<String, String> goEnv() {
        return Map.of("GOTOOLCHAIN", "local", "GOPROXY", "off", "GO111MODULE", "on", "GOFLAGS", "-mod=mod");
    }

    /**
     * Runs {@code cmd} in {@code dir}, its output (stdout and stderr together) written to {@code log} (if not
     * null) and each line handed to {@code lines} (if not null); returns the exit status.
     */
    private static int exec(List<String> cmd, Path dir, Map<String, String> env, Path log, Consumer<String> lines)
            throws IOException, InterruptedException {
        var pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        RUNNING.add(p);
        p.getOutputStream().close();
        try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Writer out = log == null ? Writer.nullWriter()
                        : Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                if (lines != null) {
                    lines.accept(line);
                }
            }
        }
        int status = p.waitFor();
        RUNNING.remove(p);
        return status;
    }

    /** Hands each line written to it to {@code lines}: JMH's text output, as {@link #exec} hands a process's. */
    private static final class Lines extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final Consumer<String> lines;

        Lines(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void close() {
            if (line.size() > 0) {
                write('\n');
            }
        }
    }

    /** Prints one line per benchmark as JMH starts it, and counts failures. */
    private static final class JmhProgress implements Consumer<String> {
        private static final Pattern PROGRESS = Pattern.compile("^# Run progress: ([0-9.]+)% complete, ETA (\\S+)$");
        private String benchmark = "";
        private String params = "";
        int failures;

        @Override
        public void accept(String line) {
            if (line.startsWith("# Benchmark: ")) {
                benchmark = line.substring("# Benchmark: dev.go4j.bench.".length());
                params = "";
            } else if (line.startsWith("# Parameters: ")) {
                params = " " + line.substring("# Parameters: ".length());
            } else if (line.startsWith("<failure>")) {
                failures++;
                System.out.println("  jmh FAILED: " + benchmark + params + " (see the log)");
            } else {
                Matcher m = PROGRESS.matcher(line);
                if (m.matches()) {
                    System.out.printf(Locale.ROOT, "  jmh %5.1f%% ETA %s  %s%s%n", Double.parseDouble(m.group(1)),
                            m.group(2), benchmark, params);
                }
            }
        }
    }

    private String joxVersion() {
        for (String entry : classPath) {
            Matcher m = Pattern.compile(".*channels-([0-9][0-9.]*)\\.jar$").matcher(entry);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return "?";
    }

    private static String firstMatch(Path file, String regex, String fallback) {
        try {
            Pattern p = Pattern.compile(regex);
            for (String line : Files.readAllLines(file)) {
                Matcher m = p.matcher(line);
                if (m.matches()) {
                    return m.group(1).trim();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // not Linux: leave it unknown
        }
        return fallback;
    }

    private void writeMeta() throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(raw.resolve(RawData.META), StandardCharsets.UTF_8)) {
            meta.store(out, "go4j bench: what ran, where and how");
        }
    }

    private void printMainTable(Path report) throws IOException {
        boolean inTable = false;
        for (String line : Files.readAllLines(report)) {
            if (line.startsWith("## Main table")) {
                inTable = true;
                System.out.println();
                continue;
            }
            if (inTable && line.startsWith("![")) {
                break;
            }
            if (inTable && !line.isBlank()) {
                System.out.println(line);
            }
        }
    }

    private static void say(String what) {
        System.out.println("go4j bench: " + what);
        System.out.flush();
    }
}
