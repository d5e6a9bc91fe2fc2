package dev.go4j.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Makes {@code bench/report.md} and the chart {@code bench/report.svg} from the raw data of one run
 * ({@link RawData}). Can be run on its own to redo a report: {@code java dev.go4j.bench.report.Report RAW_DIR
 * OUT_DIR}.
 *
 * <p>The main table has one line per workload: each system's ns/op with the half-width of its 99.9 % confidence
 * interval, go4j's ratios to the others (of the means), and the verdict on go4j's targets (see {@link Verdict}).
 */
public final class Report {
    static final String REPORT = "report.md";
    static final String CHART = "report.svg";

    private final RawData data;
    private final List<ChartRow> chartRows = new ArrayList<>();
    private final boolean goRan;

    Report(RawData data) {
        this.data = data;
        this.goRan = !data.go().isEmpty();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Report RAW_DIR OUT_DIR");
            System.exit(2);
        }
        Path out = write(Path.of(args[0]), Path.of(args[1]));
        System.out.println("wrote " + out);
    }

    /** Reads the raw data in {@code rawDir} and writes the report and chart into {@code outDir}. */
    static Path write(Path rawDir, Path outDir) throws IOException {
        Report report = new Report(RawData.read(rawDir));
        String markdown = report.markdown();
        Files.createDirectories(outDir);
        Path md = outDir.resolve(REPORT);
        Files.writeString(md, markdown, StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve(CHART), report.chart(), StandardCharsets.UTF_8);
        return md;
    }

    // -----------------------------------------------------------------------------------------------------------
    // The document

    String markdown() {
        var md = new StringBuilder();
        md.append("# go4j benchmarks\n\n");
        md.append("`./go4j bench ").append(data.meta("mode", "?")).append("`, ").append(data.meta("started", "?"))
                .append(", wall time ").append(data.meta("wall", "?")).append(". Machine: ")
                .append(data.meta("machine.cpu", "?")).append(", ").append(data.meta("machine.cores", "?"))
                .append(" cores, ").append(data.meta("machine.memory", "?")).append(".\n\n");
        String note = data.meta("note", null);
        if (note != null) {
            md.append("> **Note:** ").append(note).append("\n\n");
        }
        md.append("Times are ns/op: mean ± half-width of the 99.9 % confidence interval (JMH's score error; for Go the"
                + " same Student-t interval over its `-count` samples). Ratios are of the means; below 1 means go4j is"
                + " faster. Targets: ✓ met, ✗ missed, ~ inconclusive (the intervals overlap), ? not measured; a"
                + " line is missed if any of its targets is missed, met if all are met. — marks a system without"
                + " that primitive.\n\n");
        mainTable(md);
        md.append("\n![go4j, Jox and the JDK relative to Go](").append(CHART).append(")\n\n");
        targets(md);
        memory(md);
        chanTest(md);
        allocations(md);
        jdkCandidates(md);
        setup(md);
        return md.toString();
    }

    private void mainTable(StringBuilder md) {
        boolean extra = !data.jmhJoxExtra().isEmpty();
        String extraVersion = data.meta("jox.extra.version", "extra");
        md.append("## Main table\n\n");
        md.append("| workload | Go | go4j | Jox | JDK | go4j/Go | go4j/Jox | go4j/JDK | target |");
        md.append(extra ? " Jox " + extraVersion + " |\n" : "\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|---|").append(extra ? "--:|\n" : "\n");
        for (Workload w : Workload.MAIN) {
            Line line = line(w, data.jmh(), data.go());
            md.append(line.markdown(w.label()));
            if (extra) {
                JmhResults.Result r = data.jmhJoxExtra().find(w.benchmarkClass(), "jox", w.params());
                md.append(' ').append(w.jox() ? time(r == null ? null : r.time()) : "—").append(" |");
            }
            md.append('\n');
            chartRows.add(line.chartRow(shortLabel(w.label())));
        }
        for (int i = 0; i < Workload.LOADED.size(); i++) {
            Workload w = Workload.LOADED.get(i);
            String label = Workload.LOADED_LABELS.get(i);
            Line loaded = line(w, data.jmhLoaded(), data.goLoaded());
            Line unloaded = line(w, data.jmh(), data.go());
            md.append(loaded.markdown(label)).append(extra ? " — |\n" : "\n");
            chartRows.add(loaded.chartRow(shortLabel(label)));
            md.append(ratioLine(label.replace(" under side load", ": loaded / unloaded"), loaded, unloaded))
                    .append(extra ? " — |\n" : "\n");
        }
        if (!goRan) {
            md.append("\nGo column: ").append(data.meta("go.status", "not run")).append('\n');
        }
        md.append("\nRow 4's Go column uses Go 1.19's timers, the pre-1.23 kind (see Setup).\n");
    }

    /** Row 9's ratio line: each system's loaded/unloaded ratio; target go4j's ≤ 1.1 × Go's. */
    private String ratioLine(String label, Line loaded, Line unloaded) {
        Interval go = ratio(loaded.go, unloaded.go);
        Interval go4j = ratio(loaded.go4j, unloaded.go4j);
        Interval jox = ratio(loaded.jox, unloaded.jox);
        // The JDK ratio compares the same primitive: the one that was fastest unloaded.
        Estimate jdkLoaded = unloaded.jdkName == null ? null : loaded.jdkAll.get(unloaded.jdkName);
        Interval jdk = ratio(jdkLoaded, unloaded.jdk);
        Verdict v = Verdict.atMost(go4j, 1.1, go);
        String target = "**" + v.word + "** (≤ 1.1 × Go's ratio " + v.mark + ")";
        return "| " + label + " | " + ratioCell(go, goRan ? "missing" : "not run") + " | " + ratioCell(go4j, "missing")
                + " | " + ratioCell(jox, "missing") + " | " + ratioCell(jdk, "missing") + " | "
                + times(go4j, go) + " | " + times(go4j, jox) + " | " + times(go4j, jdk) + " | " + target + " |";
    }

    private static Interval ratio(Estimate loaded, Estimate unloaded) {
        return loaded == null || unloaded == null ? null : loaded.over(unloaded);
    }

    private static String ratioCell(Interval r, String absent) {
        if (r == null) {
            return absent;
        }
        if (!r.known()) {
            return ratio(r.value());
        }
        return ratio(r.value()) + " (" + plain(r.lo()) + "–" + plain(r.hi()) + ")";
    }

    /** One measured line: every column's estimate and the targets. */
    private final class Line {
        final Workload workload;
        Estimate go;
        Estimate go4j;
        Estimate jox;
        Estimate jdk;
        String jdkName;
        final Map<String, Estimate> jdkAll = new LinkedHashMap<>();

        Line(Workload workload) {
            this.workload = workload;
        }

        String markdown(String label) {
            List<String> marks = new ArrayList<>();
            List<Verdict> verdicts = new ArrayList<>();
            Verdict vGo = Verdict.atMost(interval(go4j), 1.0, interval(go));
            verdicts.add(vGo);
            marks.add("Go " + vGo.mark);
            if (workload.jox()) {
                Verdict vJox = Verdict.atMost(interval(go4j), workload.joxFactor(), interval(jox));
                verdicts.add(vJox);
                marks.add((workload.joxFactor() == 1.0 ? "Jox " : "Jox×" + plain(workload.joxFactor()) + " ")
                        + vJox.mark);
            }
            if (workload.jdkTarget()) {
                Verdict vJdk = Verdict.atMost(interval(go4j), 1.0, interval(jdk));
                verdicts.add(vJdk);
                marks.add("JDK " + vJdk.mark);
            }
            Verdict row = Verdict.of(verdicts);
            String jdkCell = workload.jdk().isEmpty() ? "—"
                    : jdk == null ? "missing" : time(jdk) + " " + jdkName;
            return "| " + label + " | " + (goRan ? time(go) : "not run") + " | " + time(go4j) + " | "
                    + (workload.jox() ? time(jox) : "—") + " | " + jdkCell + " | "
                    + times(interval(go4j), interval(go)) + " | "
                    + (workload.jox() ? times(interval(go4j), interval(jox)) : "—") + " | "
                    + (workload.jdk().isEmpty() ? "—" : times(interval(go4j), interval(jdk))) + " | **"
                    + row.word + "** (" + String.join(", ", marks) + ") |";
        }

        ChartRow chartRow(String label) {
            Map<String, Interval> bars = new LinkedHashMap<>();
            Estimate base = goRan ? go : go4j;
            if (base != null) {
                if (go4j != null) {
                    bars.put("go4j", go4j.over(base));
                }
                if (jox != null) {
                    bars.put("Jox", jox.over(base));
                }
                if (jdk != null) {
                    bars.put("JDK", jdk.over(base));
                }
            }
            return new ChartRow(label, bars);
        }
    }

    private Line line(Workload w, JmhResults jmh, GoResults go) {
        Line line = new Line(w);
        GoResults.Result g = go.find(w.goName());
        line.go = g == null ? null : g.time();
        line.go4j = estimate(jmh.find(w.benchmarkClass(), "go4j", w.params()));
        line.jox = w.jox() ? estimate(jmh.find(w.benchmarkClass(), "jox", w.params())) : null;
        for (var candidate : w.jdk().entrySet()) {
            Estimate e = estimate(jmh.find(w.benchmarkClass(), candidate.getKey(), w.params()));
            if (e != null) {
                line.jdkAll.put(candidate.getValue(), e);
                if (line.jdk == null || e.mean() < line.jdk.mean()) {
                    line.jdk = e;
                    line.jdkName = candidate.getValue();
                }
            }
        }
        return line;
    }

    private static Estimate estimate(JmhResults.Result r) {
        return r == null ? null : r.time();
    }

    private static Interval interval(Estimate e) {
        return e == null ? null : e.interval();
    }

    private static String shortLabel(String label) {
        return label.replace("1 producer → 1 consumer", "1P1C").replace(", end to end", "")
                .replace("4 producers → 1 consumer", "4→1").replace(" round trip", "")
                .replace("incl. a timeout made per iteration", "+ timer").replace(", 2 producers", "");
    }

    private void targets(StringBuilder md) {
        md.append("### Targets\n\n");
        md.append("- go4j ≤ 1.0 × Go on every line.\n");
        md.append("- go4j ≤ 0.5 × Jox (\"Jox×0.5\") on the buffered (2), select (3, 4) and fan-in (7) lines;"
                + " ≤ 1.0 × Jox elsewhere (1, 8).\n");
        md.append("- go4j faster than the best JDK primitive (the fastest candidate measured, named in the cell) on"
                + " ping-pong (1) and buffered 1P1C (2).\n");
        md.append("- Row 9 re-runs lines 1 and 2 (cap 16) while a separate process keeps 2 OS threads busy; its"
                + " lines carry the targets of the unloaded workload, and its ratio lines need go4j's"
                + " loaded/unloaded ratio ≤ 1.1 × Go's. A ratio's interval is the widest the two intervals allow"
                + " (loaded low ÷ unloaded high to loaded high ÷ unloaded low).\n");
        md.append("- Memory per blocked goroutine ≤ 2 × Go's.\n");
        md.append("- A target \"go4j ≤ f × X\" is met when go4j's upper bound ≤ f × X's lower bound, missed when"
                + " go4j's lower bound > f × X's upper bound, and inconclusive otherwise.\n\n");
    }

    private void memory(StringBuilder md) {
        String n = data.meta("memory.n", "1000000");
        md.append("## Memory: bytes per goroutine blocked in a channel receive (N = ").append(grouped(n))
                .append(")\n\n");
        md.append("| | Go | go4j | Jox | JDK | go4j/Go | go4j/Jox | go4j/JDK | target |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|---|\n");
        Estimate go = data.memory().find("go");
        Estimate go4j = data.memory().find("go4j");
        Estimate jox = data.memory().find("jox");
        Estimate jdk = data.memory().find("jdk");
        Verdict v = Verdict.atMost(interval(go4j), 2.0, interval(go));
        md.append("| bytes/goroutine | ")
                .append(go == null && !goRan ? "not run" : bytes(go))
                .append(" | ").append(bytes(go4j)).append(" | ").append(bytes(jox)).append(" | ").append(bytes(jdk))
                .append(" | ").append(times(interval(go4j), interval(go))).append(" | ")
                .append(times(interval(go4j), interval(jox))).append(" | ")
                .append(times(interval(go4j), interval(jdk)))
                .append(" | **").append(v.word).append("** (≤ 2 × Go ").append(v.mark).append(") |\n\n");
        md.append("Go: Δ(`HeapAlloc` + `StackInuse`)/N after `runtime.GC()`; Java: Δ(heap used after"
                + " `System.gc()`)/N, in a JVM of its own (`-Xmx8g`); virtual-thread stacks live in the heap. Each"
                + " sample is a fresh process. All N goroutines block receiving from one unbuffered channel (Jox:"
                + " rendezvous channel; JDK: `SynchronousQueue.take`). Mean ± 99.9 % interval over ")
                .append(data.meta("memory.rounds", "?")).append(" rounds.\n\n");
        if (go != null && go4j != null) {
            Map<String, Interval> bars = new LinkedHashMap<>();
            bars.put("go4j", go4j.over(go));
            if (jox != null) {
                bars.put("Jox", jox.over(go));
            }
            if (jdk != null) {
                bars.put("JDK", jdk.over(go));
            }
            chartRows.add(new ChartRow("memory per blocked goroutine", bars));
        }
    }

    private void chanTest(StringBuilder md) {
        md.append("## Go's `runtime/chan_test.go`, ported\n\n");
        md.append("The spirit of Go's own channel benchmarks, go4j against Go (no targets). `b.RunParallel`"
                + " becomes one goroutine per processor.\n\n");
        md.append("| benchmark | Go ns/op | go4j ns/op | go4j/Go | Go B/op | go4j B/op |\n");
        md.append("|---|--:|--:|--:|--:|--:|\n");
        for (String name : Workload.CHAN_TEST) {
            String method = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            JmhResults.Result j = data.jmh().find("ChanTest", method, Map.of());
            GoResults.Result g = data.go().find("Benchmark" + name);
            md.append("| ").append(name).append(" | ").append(goRan ? time(g == null ? null : g.time()) : "not run")
                    .append(" | ").append(time(j == null ? null : j.time())).append(" | ")
                    .append(times(j == null ? null : j.time().interval(), g == null ? null : g.time().interval()))
                    .append(" | ").append(g == null ? "—" : plain(g.bytesPerOp())).append(" | ")
                    .append(j == null ? "—" : plain(j.bytesPerOp())).append(" |\n");
        }
        md.append('\n');
    }

    private void allocations(StringBuilder md) {
        md.append("## Bytes allocated per operation\n\n");
        md.append("Java: `gc.alloc.rate.norm` from JMH's `-prof gc`; Go: `B/op` from `-benchmem` (mean over the"
                + " samples). The JDK column is the primitive named in the main table.\n\n");
        md.append("| workload | Go | go4j | Jox | JDK |\n|---|--:|--:|--:|--:|\n");
        for (Workload w : Workload.MAIN) {
            GoResults.Result g = data.go().find(w.goName());
            JmhResults.Result go4j = data.jmh().find(w.benchmarkClass(), "go4j", w.params());
            JmhResults.Result jox = w.jox() ? data.jmh().find(w.benchmarkClass(), "jox", w.params()) : null;
            Line line = line(w, data.jmh(), data.go());
            JmhResults.Result jdk = null;
            for (var c : w.jdk().entrySet()) {
                if (c.getValue().equals(line.jdkName)) {
                    jdk = data.jmh().find(w.benchmarkClass(), c.getKey(), w.params());
                }
            }
            md.append("| ").append(w.label()).append(" | ").append(g == null ? "—" : plain(g.bytesPerOp()))
                    .append(" | ").append(go4j == null ? "—" : plain(go4j.bytesPerOp())).append(" | ")
                    .append(jox == null ? "—" : plain(jox.bytesPerOp())).append(" | ")
                    .append(jdk == null ? "—" : plain(jdk.bytesPerOp())).append(" |\n");
        }
        md.append('\n');
    }

    private void jdkCandidates(StringBuilder md) {
        md.append("## JDK candidates\n\nEvery JDK primitive measured; the JDK column takes the fastest.\n\n");
        md.append("| workload | primitive | ns/op | B/op |\n|---|---|--:|--:|\n");
        for (Workload w : Workload.MAIN) {
            List<Map.Entry<String, JmhResults.Result>> rows = new ArrayList<>();
            for (var c : w.jdk().entrySet()) {
                JmhResults.Result r = data.jmh().find(w.benchmarkClass(), c.getKey(), w.params());
                if (r != null) {
                    rows.add(Map.entry(c.getValue(), r));
                }
            }
            rows.sort(Comparator.comparingDouble(e -> e.getValue().time().mean()));
            for (var e : rows) {
                md.append("| ").append(w.label()).append(" | ").append(e.getKey()).append(" | ")
                        .append(time(e.getValue().time())).append(" | ").append(plain(e.getValue().bytesPerOp()))
                        .append(" |\n");
            }
        }
        md.append('\n');
    }

    private void setup(StringBuilder md) {
        String jdk = data.jmh().all().stream().findFirst().map(JmhResults.Result::vm).orElse(null);
        md.append("## Setup\n\n");
        md.append("- Machine: ").append(data.meta("machine.cpu", "?")).append(", ")
                .append(data.meta("machine.cores", "?")).append(" cores, ").append(data.meta("machine.memory", "?"))
                .append(", ").append(data.meta("machine.os", "?")).append(".\n");
        md.append("- JDK: ").append(Objects.requireNonNullElse(jdk, data.meta("java.runtime", "?")))
                .append("; virtual-thread scheduler parallelism = cores. JMH ").append(data.meta("jmh.version", "?"))
                .append(": ").append(data.meta("jmh.settings", "?")).append(". ")
                .append(status("JMH run", data.meta("jmh.status", "?"))).append(' ')
                .append(status("Loaded JMH run", data.meta("jmh.loaded.status", "?"))).append('\n');
        md.append("- Go: ").append(data.meta("go.version", "?")).append(", ").append(data.meta("go.settings", "?"))
                .append(". ").append(status("Go", data.meta("go.status", "?")))
                .append(" Go 1.19's timers are the pre-1.23 kind (row 4): the timer channel has a buffer of one and"
                        + " a timer is not collected before it fires or is stopped; go4j's timers follow Go 1.23"
                        + " (unbuffered channel, collectable once unreferenced).\n");
        md.append("- Jox: ").append(data.meta("jox.version", "?")).append(" (pinned in the POM). Optional column Jox ")
                .append(data.meta("jox.extra.version", "?")).append(": ")
                .append(data.meta("jox.extra.status", "not run")).append(".\n");
        md.append("- Side load (row 9): ").append(data.meta("sideload", "?")).append(".\n");
        md.append("- Memory row: ").append(status("Java", data.meta("memory.java.status", "?"))).append(' ')
                .append(status("Go", data.meta("memory.go.status", "?"))).append('\n');
        md.append("- Raw data: `bench/raw/` (JMH JSON, `go test` output, logs; not committed). How the suite works"
                + " and how to read this: `bench/README.md`.\n");
    }

    private static String status(String what, String status) {
        return what + ": " + status + (status.endsWith(".") ? "" : ".");
    }

    // -----------------------------------------------------------------------------------------------------------
    // The chart

    /** One group of bars: each system's time relative to the baseline (Go, or go4j without Go). */
    record ChartRow(String label, Map<String, Interval> bars) {
    }

    String chart() {
        if (chartRows.isEmpty()) {
            markdown(); // fills chartRows
        }
        String title = goRan ? "time per operation relative to Go (log scale; lower is better)"
                : "relative to go4j (Go not run; log scale; lower is better)";
        return Chart.svg(title + " — ./go4j bench " + data.meta("mode", "?") + ", " + data.meta("started", ""),
                goRan ? "Go" : "go4j", chartRows);
    }

    // -----------------------------------------------------------------------------------------------------------
    // Formatting

    /** "812 ± 31", "not run"/"missing" for null. */
    static String time(Estimate e) {
        if (e == null) {
            return "missing";
        }
        return Double.isNaN(e.error()) ? plain(e.mean()) : plain(e.mean()) + " ± " + plain(e.error());
    }

    private static String bytes(Estimate e) {
        return e == null ? "missing" : time(e);
    }

    /** "1.23×" for go4j's mean over another's, "—" if either is missing. */
    private static String times(Interval go4j, Interval other) {
        if (go4j == null || other == null) {
            return "—";
        }
        return ratio(go4j.value() / other.value());
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 10 ? "%.1f×" : "%.2f×", r);
    }

    /** A number for a table: two decimals under 10, one under 100, else whole and grouped. */
    static String plain(double x) {
        if (Double.isNaN(x)) {
            return "—";
        }
        if (Double.isInfinite(x)) {
            return "∞";
        }
        double a = Math.abs(x);
        if (a < 10) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        if (a < 100) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        return String.format(Locale.ROOT, "%,d", Math.round(x));
    }

    private static String grouped(String n) {
        try {
            return String.format(Locale.ROOT, "%,d", Long.parseLong(n)).replace(',', ' ');
        } catch (NumberFormatException e) {
            return n;
        }
    }
}
