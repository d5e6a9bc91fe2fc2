package dev.go4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The results of one {@code go test -bench . -benchmem -count N} run, read from its text output: for each
 * benchmark (named without the {@code -GOMAXPROCS} suffix, e.g. {@code BenchmarkBuffered/cap=16}) the N samples of
 * ns/op and B/op, gathered in JMH's {@link ListStatistics} and reduced to an {@link Estimate} with the same 99.9 %
 * Student-t interval as JMH's score error.
 */
final class GoResults {
    /** A benchmark's time per operation and mean bytes per operation. */
    record Result(String name, Estimate time, double bytesPerOp) {
    }

    /** One benchmark's samples, while the output is read. */
    private record Samples(ListStatistics nsPerOp, ListStatistics bytesPerOp) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^(Benchmark\\S+?)(?:-(\\d+))?\\s+(\\d+)\\s+([0-9.]+) ns/op(?:\\s+([0-9.]+) B/op)?.*$");
    private final Map<String, Result> results;

    private GoResults(Map<String, Result> results) {
        this.results = results;
    }

    static GoResults empty() {
        return new GoResults(Map.of());
    }

    /** Reads {@code file}; a missing file gives no results. */
    static GoResults read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        return parse(Files.readAllLines(file));
    }

    static GoResults parse(List<String> lines) {
        Map<String, Samples> samples = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                Samples s = samples.computeIfAbsent(m.group(1),
                        k -> new Samples(new ListStatistics(), new ListStatistics()));
                s.nsPerOp().addValue(Double.parseDouble(m.group(4)));
                s.bytesPerOp().addValue(m.group(5) == null ? Double.NaN : Double.parseDouble(m.group(5)));
            }
        }
        Map<String, Result> results = new LinkedHashMap<>();
        samples.forEach((name, s) ->
                results.put(name, new Result(name, Estimate.of(s.nsPerOp()), s.bytesPerOp().getMean())));
        return new GoResults(Map.copyOf(results));
    }

    /** The result of {@code name} (e.g. {@code BenchmarkFanIn/cap=0}), or null. */
    Result find(String name) {
        return results.get(name);
    }

    boolean isEmpty() {
        return results.isEmpty();
    }
}
