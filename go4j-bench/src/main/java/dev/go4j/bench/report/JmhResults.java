package dev.go4j.bench.report;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/**
 * The results of one JMH run: the {@link RunResult}s that JMH's {@code Runner} returned, with their statistics.
 * {@link Bench} keeps them in {@code bench/raw/NAME.ser} with Java serialization (JMH's result classes are
 * serializable: its forks send them to the host that way), and {@link Report} reads them back from there, so a
 * report can be made again without running anything.
 */
final class JmhResults {
    /**
     * One benchmark's result: class simple name, method, parameters, time per operation (JMH's score and score
     * error), bytes allocated per operation ({@code gc.alloc.rate.norm} from the GC profiler, NaN without it) and
     * the JVM of the forks.
     */
    record Result(String benchmarkClass, String method, Map<String, String> params, Estimate time,
            double bytesPerOp, String vm) {

        static Result of(RunResult run) {
            BenchmarkParams p = run.getParams();
            String benchmark = p.getBenchmark();
            int dot = benchmark.lastIndexOf('.');
            String owner = benchmark.substring(0, dot);
            Map<String, String> params = new TreeMap<>();
            p.getParamsKeys().forEach(key -> params.put(key, p.getParam(key)));
            var alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            return new Result(owner.substring(owner.lastIndexOf('.') + 1), benchmark.substring(dot + 1), params,
                    Estimate.of(run.getPrimaryResult().getStatistics()),
                    alloc == null ? Double.NaN : alloc.getScore(), p.getVmName() + " " + p.getVmVersion());
        }
    }

    /** What a results file may hold: JMH's classes and the JDK's collections, boxes and enums. */
    private static final ObjectInputFilter ONLY_JMH = ObjectInputFilter.Config.createFilter(
            "org.openjdk.jmh.**;java.lang.*;java.util.*;java.util.concurrent.TimeUnit;!*");

    private final List<Result> results;

    private JmhResults(List<Result> results) {
        this.results = results;
    }

    /** No results (the run did not happen). */
    static JmhResults empty() {
        return new JmhResults(List.of());
    }

    static JmhResults of(Collection<RunResult> runs) {
        return new JmhResults(runs.stream().map(Result::of).toList());
    }

    /** The file that keeps the results of the JMH run {@code name} in {@code rawDir}. */
    static Path file(Path rawDir, String name) {
        return rawDir.resolve(name + ".ser");
    }

    static void write(Path file, Collection<RunResult> runs) throws IOException {
        try (var out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeObject(new ArrayList<>(runs));
        }
    }

    /** Reads {@code file}; a missing file gives no results. */
    static JmhResults read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try (var in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            in.setObjectInputFilter(ONLY_JMH);
            List<?> runs = (List<?>) in.readObject();
            return of(runs.stream().map(RunResult.class::cast).toList());
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException(file + " does not hold JMH results: " + e, e);
        }
    }

    /** The result of {@code benchmarkClass.method} with exactly these parameters, or null. */
    Result find(String benchmarkClass, String method, Map<String, String> params) {
        for (Result r : results) {
            if (r.benchmarkClass().equals(benchmarkClass) && r.method().equals(method)
                    && r.params().equals(new TreeMap<>(params))) {
                return r;
            }
        }
        return null;
    }

    List<Result> all() {
        return results;
    }

    boolean isEmpty() {
        return results.isEmpty();
    }
}
