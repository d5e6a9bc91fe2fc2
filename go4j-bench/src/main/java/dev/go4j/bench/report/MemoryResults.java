package dev.go4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The memory row's samples: lines {@code bytes-per-goroutine SYSTEM VALUE} written by
 * {@link dev.go4j.bench.BlockedMemory} (systems go4j, jox, jdk) and by the Go program {@code blockedmem} (system
 * go), one line per round, each system's reduced to an {@link Estimate} by JMH's {@link ListStatistics}.
 */
final class MemoryResults {
    private final Map<String, Estimate> bySystem;

    private MemoryResults(Map<String, Estimate> bySystem) {
        this.bySystem = bySystem;
    }

    /** Reads all the given files (missing ones are skipped). */
    static MemoryResults read(Path... files) throws IOException {
        Map<String, ListStatistics> samples = new LinkedHashMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] words = line.strip().split("\\s+");
                if (words.length == 3 && words[0].equals("bytes-per-goroutine")) {
                    samples.computeIfAbsent(words[1], k -> new ListStatistics()).addValue(Double.parseDouble(words[2]));
                }
            }
        }
        Map<String, Estimate> out = new LinkedHashMap<>();
        samples.forEach((system, statistics) -> out.put(system, Estimate.of(statistics)));
        return new MemoryResults(out);
    }

    /** The estimate for {@code system} (go, go4j, jox, jdk), or null. */
    Estimate find(String system) {
        return bySystem.get(system);
    }
}
