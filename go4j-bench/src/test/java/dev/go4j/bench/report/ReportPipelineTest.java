package dev.go4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.bench.SmokeTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.xml.sax.InputSource;

/**
 * The report pipeline end to end, without Go: the smoke run's JMH results, kept in the raw directory and read back
 * unchanged, and smoke runs of {@link Bench}'s passes, each in a JVM of its own with the pass's option
 * ({@link ChildPass}: go4j's benchmarks on the JDK's scheduler, the diagnostics-off and created-by passes), become a
 * report whose tables have a line for every workload with both go4j columns and every diagnostics row, whose Go
 * cells say "not run" and why, and whose chart is well-formed SVG. This also checks that the report's workload
 * definitions name benchmarks that exist, and that every pass's benchmarks pass their checks under its option.
 */
class ReportPipelineTest {
    @Test
    @Timeout(300)
    void smokeRunBecomesAReport(@TempDir Path dir) throws Exception {
        Path raw = Files.createDirectories(dir.resolve("raw"));
        // One JMH at a time (JMH's lock): the passes first, each in its JVM, then the in-process run.
        for (Bench.Pass pass : Bench.PASSES) {
            Process child = ChildPass.start(raw, pass);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the pass %s ended", pass.name()).isTrue();
            assertThat(child.exitValue()).as("the pass %s's exit status (its output: %s)", pass.name(),
                    Files.readString(ChildPass.log(raw, pass))).isZero();
        }
        Collection<RunResult> results = SmokeTest.runSuite();
        JmhResults.write(JmhResults.file(raw, RawData.JMH), results);
        JmhResults.write(JmhResults.file(raw, RawData.JMH_LOADED), results);
        JmhResults.write(JmhResults.file(raw, RawData.JMH_DUMP), results);
        Files.write(raw.resolve(RawData.LATENCY_DUMP), SmokeTest.dumpLatencyLines());
        assertThat(JmhResults.read(JmhResults.file(raw, RawData.JMH)).all())
                .isEqualTo(JmhResults.of(results).all()).hasSize(results.size());
        List<String> latency = new ArrayList<>(SmokeTest.latencyLines());
        latency.addAll(Files.readAllLines(raw.resolve(ChildPass.LATENCY)));
        Files.write(raw.resolve(RawData.LATENCY_JAVA), latency);
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
        for (SchedulerRow row : Workload.SCHEDULER) {
            assertThat(lineOf(report, "| " + row.label() + " |")).doesNotContain("missing");
        }
        assertThat(lineOf(report, "| 13. fork-join speed-up")).doesNotContain("missing");
        assertThat(lineOf(report, "| 9. ping-pong under side load |")).doesNotContain("missing");
        assertThat(report).contains("9. ping-pong under side load", "9. ping-pong: loaded / unloaded",
                "Go column: not run: go is not on PATH", "| bytes/goroutine | not run | 1,205 ± ",
                "## go4j's scheduler vs the JDK's", "| 11. Go.gosched(), 1 goroutine | not run | ");
        for (String name : Workload.CHAN_TEST) {
            assertThat(lineOf(report, "| " + name + " |")).doesNotContain("missing");
            assertThat(lineOf(report, "| chan_test " + name + " |")).doesNotContain("—");
        }
        String section = report.substring(report.indexOf("## go4j's scheduler vs the JDK's"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        assertThat(section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| line ")))
                .hasSize(Workload.MAIN.size() + Workload.LOADED.size() + Workload.SCHEDULER.size()
                        + Workload.CHAN_TEST.size())
                .allSatisfy(l -> assertThat(l).doesNotContain("missing").containsPattern("(met|missed|inconclusive)"));
        String forms = report.substring(report.indexOf("## Select: callback and value forms"));
        forms = forms.substring(0, forms.indexOf("\n## ", 1));
        assertThat(forms.lines().filter(l -> l.startsWith("| 3. ") || l.startsWith("| 4. ")))
                .as("rows 3 (two caps, two forms) and 4 (three forms)").hasSize(2 * 2 + 3);
        for (DiagnosticsRow row : Workload.DIAGNOSTICS) {
            assertThat(lineOf(report, "| " + row.label() + " |")).doesNotContain("missing")
                    .containsPattern(row.createdBy() ? "no target" : "no measurable cost [✓✗~]");
        }
        assertThat(lineOf(report, "| " + Workload.DUMP_THROUGHPUT + " |")).doesNotContain("missing");
        for (SchedulerRow row : Workload.DUMP_LATENCY) {
            assertThat(lineOf(report, "| " + row.label() + " |")).doesNotContain("missing");
        }
        assertThat(lineOf(report, "| 18. ping-pong round trip during the dump, worst")).contains("≤ 1,000 µs");
        String svg = Files.readString(dir.resolve(Report.CHART));
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("relative to go4j (Go not run", Report.GO4J_JDK);
    }

    private static String lineOf(String text, String start) {
        return text.lines().filter(l -> l.contains(start)).findFirst().orElseThrow(
                () -> new AssertionError("no line with " + start));
    }

    /**
     * One of Bench's passes in the small: a JVM started with the pass's option runs the pass's benchmarks once each
     * and writes the results where the report looks for them; the JDK-scheduler pass also stands for row 9's
     * second pass and runs the latency program's tiny plan.
     */
    static final class ChildPass {
        static final String LATENCY = "latency-jdk-sched.txt";

        private ChildPass() {
        }

        /** Starts {@code pass} in a child JVM writing into {@code raw}; its output goes to {@link #log}. */
        static Process start(Path raw, Bench.Pass pass) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
            command.addAll(Bench.FORK_JVM_ARGS.stream().filter(arg -> !arg.startsWith("-Xm")).toList());
            command.addAll(List.of(pass.jvmOption(), "-Dgo4j.bench.smoke=true",
                    "-cp", System.getProperty("java.class.path"), ChildPass.class.getName(), raw.toString(),
                    pass.name()));
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(raw, pass).toFile())
                    .start();
        }

        /** Where the child JVM of {@code pass} writes its output. */
        static Path log(Path raw, Bench.Pass pass) {
            return raw.resolve(pass.name() + "-pass.log");
        }

        public static void main(String[] args) throws Exception {
            Path raw = Path.of(args[0]);
            Bench.Pass pass = Bench.PASSES.stream().filter(p -> p.name().equals(args[1])).findFirst().orElseThrow();
            Collection<RunResult> results = SmokeTest.runSuite(pass::select);
            JmhResults.write(JmhResults.file(raw, pass.name()), results);
            if (pass == Bench.JDK_SCHEDULER_PASS) {
                JmhResults.write(JmhResults.file(raw, RawData.JMH_LOADED_JDK_SCHED), results);
                Files.write(raw.resolve(LATENCY), SmokeTest.latencyLines(), StandardCharsets.UTF_8);
            }
            System.exit(0);
        }
    }
}
