package dev.go4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results of one {@code go test -bench . -benchmem -count N} run, read from its text output: for each
 * benchmark (named without the {@code -GOMAXPROCS} suffix, e.g. {@code BenchmarkBuffered/cap=16}) the N samples of
 * ns/op and B/op, reduced to an {@link Estimate} with a 99.9 % Student-t interval.
 */
final class GoResults {
    /** A benchmark's time per operation and mean bytes per operation. */
    record Result(String name, Estimate time, double bytesPerOp) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^(Benchmark\\S+?)(?:-(\\d+))?\\s+(\\d+)\\s+([0-9.]+) ns/op(?:\\s+([0-9.]+) B/op)?.*$");
    private static final Pattern CPU = Pattern.compile("^cpu: (.+)$");

    private final Map<String, Result> results;
    private final String cpu;

    private GoResults(Map<String, Result> results, String cpu) {
        this.results = results;
        this.cpu = cpu;
    }

    static GoResults empty() {
        return new GoResults(Map.of(), null);
    }

    /** Reads {@code file}; a missing file gives no results. */
    static GoResults read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        return parse(Files.readAllLines(file));
    }

    static GoResults parse(List<String> lines) {
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        String cpu = null;
        for (String line : lines) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                double ns = Double.parseDouble(m.group(4));
                double bytes = m.group(5) == null ? Double.NaN : Double.parseDouble(m.group(5));
                samples.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new double[] {ns, bytes});
                continue;
            }
            Matcher c = CPU.matcher(line.strip());
            if (c.matches()) {
                cpu = c.group(1);
            }
        }
        Map<String, Result> results = new LinkedHashMap<>();
        samples.forEach((name, list) -> {
            double[] ns = new double[list.size()];
            double bytes = 0;
            for (int i = 0; i < ns.length; i++) {
                ns[i] = list.get(i)[0];
                bytes += list.get(i)[1];
            }
            results.put(name, new Result(name, Estimate.fromSamples(ns), bytes / ns.length));
        });
        return new GoResults(Map.copyOf(results), cpu);
    }

    /** The result of {@code name} (e.g. {@code BenchmarkFanIn/cap=0}), or null. */
    Result find(String name) {
        return results.get(name);
    }

    /** The CPU that {@code go test} reported, or null. */
    String cpu() {
        return cpu;
    }

    boolean isEmpty() {
        return results.isEmpty();
    }
}
