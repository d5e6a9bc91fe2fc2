package dev.go4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Samples that programs of their own print, one per line, {@code TAG KEY… VALUE}, each key's reduced to an
 * {@link Estimate} by JMH's {@link ListStatistics}: the memory row's {@code bytes-per-goroutine SYSTEM VALUE}
 * lines, written by {@link dev.go4j.bench.BlockedMemory} (systems go4j, jox, jdk) and by the Go program
 * {@code blockedmem} (system go), one per round; and the latency rows' {@code latency METRIC SYSTEM NANOS} lines,
 * written by {@link dev.go4j.bench.Latency} (systems go4j, go4j-jdk), {@link dev.go4j.bench.DumpLatency} (go4j)
 * and the Go program {@code latency} (go).
 */
final class SampleResults {
    static final String MEMORY = "bytes-per-goroutine";
    static final String LATENCY = "latency";

    private final Map<String, Estimate> byKey;

    private SampleResults(Map<String, Estimate> byKey) {
        this.byKey = byKey;
    }

    /** Reads the lines tagged {@code tag} in all the given files (missing ones are skipped). */
    static SampleResults read(String tag, Path... files) throws IOException {
        Map<String, ListStatistics> samples = new LinkedHashMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] words = line.strip().split("\\s+");
                if (words.length >= 3 && words[0].equals(tag)) {
                    String key = String.join(" ", Arrays.asList(words).subList(1, words.length - 1));
                    samples.computeIfAbsent(key, k -> new ListStatistics())
                            .addValue(Double.parseDouble(words[words.length - 1]));
                }
            }
        }
        Map<String, Estimate> out = new LinkedHashMap<>();
        samples.forEach((key, statistics) -> out.put(key, Estimate.of(statistics)));
        return new SampleResults(out);
    }

    /** The estimate for {@code key} (a memory system such as {@code go4j}, or {@code child-start go}), or null. */
    Estimate find(String key) {
        return byKey.get(key);
    }
}
