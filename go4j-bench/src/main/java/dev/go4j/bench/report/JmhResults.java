package dev.go4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The results of one JMH run, read from its {@code -rf json} file. */
final class JmhResults {
    /**
     * One benchmark's result: class simple name, method, parameters, time per operation and bytes allocated per
     * operation ({@code gc.alloc.rate.norm} from {@code -prof gc}, NaN without the profiler).
     */
    record Result(String benchmarkClass, String method, Map<String, String> params, Estimate time,
            double bytesPerOp, String jdk, String vm) {
    }

    private final List<Result> results;

    private JmhResults(List<Result> results) {
        this.results = results;
    }

    /** No results (the run did not happen). */
    static JmhResults empty() {
        return new JmhResults(List.of());
    }

    /** Reads {@code file}; a missing file gives no results. */
    static JmhResults read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        String text = Files.readString(file);
        if (text.isBlank()) {
            return empty();
        }
        List<Result> out = new ArrayList<>();
        for (Json item : Json.parse(text).arr()) {
            Json.Obj o = item.obj();
            String benchmark = o.get("benchmark").str();
            int dot = benchmark.lastIndexOf('.');
            String owner = benchmark.substring(0, dot);
            String simpleName = owner.substring(owner.lastIndexOf('.') + 1);
            Map<String, String> params = new TreeMap<>();
            o.get("params").obj().fields().forEach((k, v) -> params.put(k, v.str()));
            Json.Obj primary = o.get("primaryMetric").obj();
            Estimate time = new Estimate(primary.get("score").number(), primary.get("scoreError").number());
            double bytes = o.get("secondaryMetrics").obj().get("gc.alloc.rate.norm").obj().get("score").number();
            out.add(new Result(simpleName, benchmark.substring(dot + 1), params, time, bytes,
                    o.get("jdkVersion").str(), o.get("vmName").str() + " " + o.get("vmVersion").str()));
        }
        return new JmhResults(List.copyOf(out));
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
