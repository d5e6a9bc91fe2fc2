package dev.go4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.bench.SmokeTest;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.xml.sax.InputSource;

/**
 * The report pipeline end to end, without Go: the smoke run's JMH results, kept in the raw directory and read back
 * unchanged, become a report whose tables have a line for every workload, whose Go cells say "not run" and why,
 * and whose chart is well-formed SVG. This also checks that the report's workload definitions name benchmarks
 * that exist.
 */
class ReportPipelineTest {
    @Test
    @Timeout(120)
    void smokeRunBecomesAReport(@TempDir Path dir) throws Exception {
        Path raw = Files.createDirectories(dir.resolve("raw"));
        Collection<RunResult> results = SmokeTest.runSuite();
        JmhResults.write(JmhResults.file(raw, RawData.JMH), results);
        JmhResults.write(JmhResults.file(raw, RawData.JMH_LOADED), results);
        assertThat(JmhResults.read(JmhResults.file(raw, RawData.JMH)).all())
                .isEqualTo(JmhResults.of(results).all()).hasSize(results.size());
        Files.writeString(raw.resolve(RawData.META), "mode=smoke\ngo.status=not run\\: go is not on PATH\n");
        Files.writeString(raw.resolve(RawData.MEMORY_JAVA),
                "bytes-per-goroutine go4j 1200\nbytes-per-goroutine go4j 1210\nbytes-per-goroutine go4j 1205\n"
                        + "bytes-per-goroutine jdk 700\n");

        Path md = Report.write(raw, dir);

        String report = Files.readString(md);
        for (Workload w : Workload.MAIN) {
            assertThat(report).contains("| " + w.label() + " | not run | ");
            assertThat(lineOf(report, w.label())).doesNotContain("missing");
        }
        assertThat(report).contains("9. ping-pong under side load", "9. ping-pong: loaded / unloaded",
                "Go column: not run: go is not on PATH", "| bytes/goroutine | not run | 1,205 ± ");
        for (String name : Workload.CHAN_TEST) {
            assertThat(lineOf(report, "| " + name + " |")).doesNotContain("missing");
        }
        String svg = Files.readString(dir.resolve(Report.CHART));
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("relative to go4j (Go not run");
    }

    private static String lineOf(String text, String start) {
        return text.lines().filter(l -> l.contains(start)).findFirst().orElseThrow(
                () -> new AssertionError("no line with " + start));
    }
}
