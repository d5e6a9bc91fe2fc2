package dev.go4j.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Everything one {@code ./go4j bench} run leaves in {@code bench/raw/}, under the names below, and its reading.
 * {@link Bench} writes these files; {@link Report} reads them, so a report can be made again from the raw data
 * without running anything. Each JMH run ({@link #JMH}, {@link #JMH_JDK_SCHED}, {@link #JMH_LOADED},
 * {@link #JMH_LOADED_JDK_SCHED}, {@link #JMH_JOX_EXTRA}, and the diagnostics rows' {@link #JMH_DIAGNOSTICS_OFF},
 * {@link #JMH_CREATED_BY} and {@link #JMH_DUMP}) leaves {@code NAME.ser}, its results as the report reads them
 * ({@link JmhResults}), and, for the record, JMH's own {@code NAME.json} and text output {@code NAME.log}.
 *
 * <p>The file names the scheduler: the {@code *-jdk-sched} runs are go4j's benchmarks again in forks started with
 * {@code -Dgo4j.scheduler=jdk} (the column "go4j (JDK sched.)"), every other run's forks have go4j's own
 * scheduler; each fork checks in its setup that it has the scheduler it claims ({@code OnScheduler}), so a file
 * never holds the other scheduler's numbers. In the same way the diagnostics passes' forks run with
 * {@code -Dgo4j.deadlock=off} ({@link #JMH_DIAGNOSTICS_OFF}) or {@code -Dgo4j.debug.createdBy=true}
 * ({@link #JMH_CREATED_BY}) and check that go4j does what the flag says, every other run's with neither. The
 * latency samples name their system in each line ({@code go4j}, {@code go4j-jdk}, {@code go}); the dump-latency
 * program's ({@link #LATENCY_DUMP}) are read with them.
 */
record RawData(Properties meta, JmhResults jmh, JmhResults jmhJdkSched, JmhResults jmhLoaded,
        JmhResults jmhLoadedJdkSched, JmhResults jmhJoxExtra, JmhResults jmhDiagnosticsOff, JmhResults jmhCreatedBy,
        JmhResults jmhDump, GoResults go, GoResults goLoaded, SampleResults memory, SampleResults latency) {
    static final String META = "meta.properties";
    static final String JMH = "jmh";
    static final String JMH_JDK_SCHED = "jmh-jdk-sched";
    static final String JMH_LOADED = "jmh-loaded";
    static final String JMH_LOADED_JDK_SCHED = "jmh-loaded-jdk-sched";
    static final String JMH_JOX_EXTRA = "jmh-jox-extra";
    static final String JMH_DIAGNOSTICS_OFF = "jmh-diagnostics-off";
    static final String JMH_CREATED_BY = "jmh-created-by";
    static final String JMH_DUMP = "jmh-dump";
    static final String GO = "go.txt";
    static final String GO_LOADED = "go-loaded.txt";
    static final String MEMORY_JAVA = "memory-java.txt";
    static final String MEMORY_GO = "memory-go.txt";
    static final String LATENCY_JAVA = "latency-java.txt";
    static final String LATENCY_GO = "latency-go.txt";
    static final String LATENCY_DUMP = "latency-dump.txt";

    static RawData read(Path dir) throws IOException {
        Properties meta = new Properties();
        Path metaFile = dir.resolve(META);
        if (Files.isRegularFile(metaFile)) {
            try (Reader in = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
                meta.load(in);
            }
        }
        return new RawData(meta,
                JmhResults.read(JmhResults.file(dir, JMH)),
                JmhResults.read(JmhResults.file(dir, JMH_JDK_SCHED)),
                JmhResults.read(JmhResults.file(dir, JMH_LOADED)),
                JmhResults.read(JmhResults.file(dir, JMH_LOADED_JDK_SCHED)),
                JmhResults.read(JmhResults.file(dir, JMH_JOX_EXTRA)),
                JmhResults.read(JmhResults.file(dir, JMH_DIAGNOSTICS_OFF)),
                JmhResults.read(JmhResults.file(dir, JMH_CREATED_BY)),
                JmhResults.read(JmhResults.file(dir, JMH_DUMP)),
                GoResults.read(dir.resolve(GO)),
                GoResults.read(dir.resolve(GO_LOADED)),
                SampleResults.read(SampleResults.MEMORY, dir.resolve(MEMORY_JAVA), dir.resolve(MEMORY_GO)),
                SampleResults.read(SampleResults.LATENCY, dir.resolve(LATENCY_JAVA), dir.resolve(LATENCY_GO),
                        dir.resolve(LATENCY_DUMP)));
    }

    /** A meta value, or {@code fallback}. */
    String meta(String key, String fallback) {
        String value = meta.getProperty(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
