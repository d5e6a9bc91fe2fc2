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
 * Every go4j number comes twice, from go4j's own scheduler and from the JDK's ("go4j (JDK sched.)", the
 * {@code *-jdk-sched} runs); the scheduler table (rows 10 to 14) and the section "go4j's scheduler vs the JDK's"
 * judge the targets of the issue "go4j's own goroutine scheduler", and the diagnostics table (rows 15 to 18) those
 * of the issue "runtime diagnostics".
 */
public final class Report {
    static final String REPORT = "report.md";
    static final String CHART = "report.svg";

    /** The second go4j column's name. */
    static final String GO4J_JDK = "go4j (JDK sched.)";

    private final RawData data;
    private final List<ChartRow> chartRows = new ArrayList<>();
    /** Every line's go4j on both schedulers, for the section "go4j's scheduler vs the JDK's". */
    private final List<SchedulerPair> pairs = new ArrayList<>();
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
        chartRows.clear();
        pairs.clear();
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
                + " that primitive. go4j runs on its own scheduler; " + GO4J_JDK + " is the same benchmark on the"
                + " JDK's virtual-thread scheduler (`-Dgo4j.scheduler=jdk`), in the same run.\n\n");
        mainTable(md);
        schedulerTable(md);
        md.append("\n![go4j on both schedulers, Jox and the JDK relative to Go](").append(CHART).append(")\n\n");
        targets(md);
        schedulerVsJdk(md);
        diagnosticsTable(md);
        memory(md);
        chanTest(md);
        allocations(md);
        selectForms(md);
        jdkCandidates(md);
        setup(md);
        return md.toString();
    }

    private void mainTable(StringBuilder md) {
        boolean extra = !data.jmhJoxExtra().isEmpty();
        String extraVersion = data.meta("jox.extra.version", "extra");
        md.append("## Main table\n\n");
        md.append("| workload | Go | go4j | " + GO4J_JDK + " | Jox | JDK | go4j/Go | go4j/Jox | go4j/JDK | target"
                + " | scheduler target |");
        md.append(extra ? " Jox " + extraVersion + " |\n" : "\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|").append(extra ? "--:|\n" : "\n");
        Estimate parkFloor = estimate(data.jmh().find(Workload.PARK_FLOOR.benchmarkClass(), "go4j", Map.of()));
        for (Workload w : Workload.MAIN) {
            Line line = line(w, data.jmh(), data.jmhJdkSched(), data.go());
            md.append(line.markdown(w.label(), parkFloor));
            pairs.add(new SchedulerPair(w.label(), line.go4j, line.go4jJdk));
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
            Line loaded = line(w, data.jmhLoaded(), data.jmhLoadedJdkSched(), data.goLoaded());
            Line unloaded = line(w, data.jmh(), data.jmhJdkSched(), data.go());
            md.append(loaded.markdown(label, null)).append(extra ? " — |\n" : "\n");
            pairs.add(new SchedulerPair(label, loaded.go4j, loaded.go4jJdk));
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
        Interval go4jJdk = ratio(loaded.go4jJdk, unloaded.go4jJdk);
        Interval jox = ratio(loaded.jox, unloaded.jox);
        // The JDK ratio compares the same primitive: the one that was fastest unloaded.
        Estimate jdkLoaded = unloaded.jdkName == null ? null : loaded.jdkAll.get(unloaded.jdkName);
        Interval jdk = ratio(jdkLoaded, unloaded.jdk);
        String target = targetCell(List.of(new Target("≤ 1.1 × Go's ratio", Verdict.atMost(go4j, 1.1, go))));
        return "| " + label + " | " + ratioCell(go, goRan ? "missing" : "not run") + " | " + ratioCell(go4j, "missing")
                + " | " + ratioCell(go4jJdk, "missing") + " | " + ratioCell(jox, "missing") + " | "
                + ratioCell(jdk, "missing") + " | " + times(go4j, go) + " | " + times(go4j, jox) + " | "
                + times(go4j, jdk) + " | " + target + " | — |";
    }

    private static Interval ratio(Estimate loaded, Estimate unloaded) {
        return loaded == null || unloaded == null ? null : loaded.over(unloaded);
    }

    private static String ratioCell(Interval r, String absent) {
        return r == null ? absent : withInterval(ratio(r.value()), r);
    }

    /** "{@code value} (lo–hi)", or {@code value} alone when the interval is unknown. */
    private static String withInterval(String value, Interval r) {
        return r.known() ? value + " (" + plain(r.lo()) + "–" + plain(r.hi()) + ")" : value;
    }

    /** One measured line: every column's estimate and the targets. */
    private final class Line {
        final Workload workload;
        Estimate go;
        Estimate go4j;
        Estimate go4jJdk;
        Estimate jox;
        Estimate jdk;
        String jdkName;
        /** The fastest parking JDK candidate ({@link Workload#PARKING}), for the scheduler target. */
        Estimate parking;
        String parkingName;
        final Map<String, Estimate> jdkAll = new LinkedHashMap<>();

        Line(Workload workload) {
            this.workload = workload;
        }

        /** The line; {@code parkFloor} is ParkFloor on go4j's scheduler, or null where it does not apply. */
        String markdown(String label, Estimate parkFloor) {
            List<Target> targets = new ArrayList<>();
            targets.add(new Target("Go", Verdict.atMost(interval(go4j), 1.0, interval(go))));
            if (workload.jox()) {
                targets.add(new Target(workload.joxFactor() == 1.0 ? "Jox" : "Jox×" + plain(workload.joxFactor()),
                        Verdict.atMost(interval(go4j), workload.joxFactor(), interval(jox))));
            }
            if (workload.jdkTarget()) {
                targets.add(new Target("JDK", Verdict.atMost(interval(go4j), 1.0, interval(jdk))));
            }
            String jdkCell = workload.jdk().isEmpty() ? "—"
                    : jdk == null ? "missing" : time(jdk) + " " + jdkName;
            return "| " + label + " | " + (goRan ? time(go) : "not run") + " | " + time(go4j) + " | "
                    + time(go4jJdk) + " | " + (workload.jox() ? time(jox) : "—") + " | " + jdkCell + " | "
                    + times(interval(go4j), interval(go)) + " | "
                    + (workload.jox() ? times(interval(go4j), interval(jox)) : "—") + " | "
                    + (workload.jdk().isEmpty() ? "—" : times(interval(go4j), interval(jdk))) + " | "
                    + targetCell(targets) + " | " + targetCell(schedulerTargets(parkFloor)) + " |";
        }

        /** The targets of the issue "go4j's own goroutine scheduler" on this line. */
        private List<Target> schedulerTargets(Estimate parkFloor) {
            Workload.Sched sched = workload.sched();
            List<Target> targets = new ArrayList<>();
            if (sched.jdkSchedFactor() != 1.0) {
                targets.add(new Target("JDK sched.×" + plain(sched.jdkSchedFactor()),
                        Verdict.atMost(interval(go4j), sched.jdkSchedFactor(), interval(go4jJdk))));
            }
            targets.add(notSlower(go4j, go4jJdk));
            if (sched.parking() && !jdkAll.isEmpty()) {
                targets.add(new Target(parkingName == null ? "parking JDK" : parkingName,
                        Verdict.atMost(interval(go4j), 1.0, interval(parking))));
            }
            if (sched.parkFloor() && parkFloor != null) {
                targets.add(new Target("ParkFloor×" + plain(Workload.PARK_FLOOR_FACTOR),
                        Verdict.atMost(interval(go4j), Workload.PARK_FLOOR_FACTOR, interval(parkFloor))));
            }
            return targets;
        }

        ChartRow chartRow(String label) {
            return Report.this.chartRow(label, goRan ? go : go4j, go4j, go4jJdk, jox, jdk);
        }
    }

    private Line line(Workload w, JmhResults jmh, JmhResults jmhJdkSched, GoResults go) {
        Line line = new Line(w);
        GoResults.Result g = go.find(w.goName());
        line.go = g == null ? null : g.time();
        line.go4j = estimate(jmh.find(w.benchmarkClass(), "go4j", w.params()));
        line.go4jJdk = estimate(jmhJdkSched.find(w.benchmarkClass(), "go4j", w.params()));
        line.jox = w.jox() ? estimate(jmh.find(w.benchmarkClass(), "jox", w.params())) : null;
        for (var candidate : w.jdk().entrySet()) {
            Estimate e = estimate(jmh.find(w.benchmarkClass(), candidate.getKey(), w.params()));
            if (e != null) {
                line.jdkAll.put(candidate.getValue(), e);
                if (line.jdk == null || e.mean() < line.jdk.mean()) {
                    line.jdk = e;
                    line.jdkName = candidate.getValue();
                }
                if (Workload.PARKING.contains(candidate.getValue())
                        && (line.parking == null || e.mean() < line.parking.mean())) {
                    line.parking = e;
                    line.parkingName = candidate.getValue();
                }
            }
        }
        return line;
    }

    /** A target and its verdict, as a target cell lists it ("Go ✓"). */
    private record Target(String name, Verdict verdict) {
    }

    /** "**missed** (Go ✗, Jox ~)": the line's verdict, then each target's. */
    private static String targetCell(List<Target> targets) {
        Verdict line = Verdict.of(targets.stream().map(Target::verdict).toList());
        List<String> marks = targets.stream().map(t -> t.name() + " " + t.verdict().mark).toList();
        return "**" + line.word + "** (" + String.join(", ", marks) + ")";
    }

    /** Every line's target "not slower than on the JDK's scheduler". */
    private static Target notSlower(Estimate go4j, Estimate go4jJdk) {
        return new Target("not slower", Verdict.atMost(interval(go4j), 1.0, interval(go4jJdk)));
    }

    /** A chart row: each system's time over {@code base}'s. */
    private ChartRow chartRow(String label, Estimate base, Estimate go4j, Estimate go4jJdk, Estimate jox,
            Estimate jdk) {
        Map<String, Interval> bars = new LinkedHashMap<>();
        if (base != null) {
            Map<String, Estimate> systems = new LinkedHashMap<>();
            systems.put("go4j", go4j);
            systems.put(GO4J_JDK, go4jJdk);
            systems.put("Jox", jox);
            systems.put("JDK", jdk);
            systems.forEach((system, e) -> {
                if (e != null) {
                    bars.put(system, e.over(base));
                }
            });
        }
        return new ChartRow(label, bars);
    }

    /** go4j on both schedulers on one line, for the section "go4j's scheduler vs the JDK's". */
    private record SchedulerPair(String label, Estimate go4j, Estimate go4jJdk) {
    }

    // -----------------------------------------------------------------------------------------------------------
    // The scheduler table

    /** Rows 10 to 14: the scheduler's own rows, with the fork-join speed-up after its second line. */
    private void schedulerTable(StringBuilder md) {
        md.append("\n## Scheduler rows\n\n");
        md.append("ns/op unless the line says µs. The JDK column is the same work on plain virtual threads, where"
                + " there is one.\n\n");
        md.append("| row | Go | go4j | " + GO4J_JDK + " | JDK | go4j/Go | go4j/JDK sched. | target |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|---|\n");
        for (SchedulerRow row : Workload.SCHEDULER) {
            Measured m = measured(row);
            List<Target> targets = new ArrayList<>();
            if (!Double.isNaN(row.goFactor())) {
                targets.add(new Target(row.goFactor() == 1.0 ? "Go" : "Go×" + plain(row.goFactor()),
                        Verdict.atMost(interval(m.go4j()), row.goFactor(), interval(m.go()))));
            }
            if (!Double.isNaN(row.limitNanos())) {
                targets.add(limit(row, m.go4j()));
            }
            targets.add(notSlower(m.go4j(), m.go4jJdk()));
            boolean hasGo = row.goName() != null || row.isLatency();
            md.append("| ").append(row.label()).append(" | ")
                    .append(!hasGo ? "—" : goRan || m.go() != null ? time(m.go()) : "not run").append(" | ")
                    .append(time(m.go4j())).append(" | ").append(time(m.go4jJdk())).append(" | ")
                    .append(row.jdkMethod() == null ? "—" : time(m.jdk()) + " " + row.jdkName()).append(" | ")
                    .append(times(interval(m.go4j()), interval(m.go()))).append(" | ")
                    .append(times(interval(m.go4j()), interval(m.go4jJdk()))).append(" | ")
                    .append(targetCell(targets)).append(" |\n");
            pairs.add(new SchedulerPair(row.label(), m.go4j(), m.go4jJdk()));
            if (hasGo) {
                chartRows.add(chartRow(shortLabel(row.label()), goRan ? m.go() : m.go4j(), m.go4j(), m.go4jJdk(),
                        null, null));
            }
            if (row == Workload.FORK_JOIN_2) {
                speedUp(md, measured(Workload.FORK_JOIN_1), m);
            }
        }
    }

    /** A latency line's bound, "≤ 50 µs", on go4j's estimate in µs. */
    private static Target limit(SchedulerRow row, Estimate go4jMicros) {
        return new Target("≤ " + plain(row.limitNanos() / 1000) + " µs",
                Verdict.within(interval(go4jMicros), row.limitNanos() / 1000));
    }

    /** The fork-join speed-up line: each system's time with GOMAXPROCS 1 over its time with 2. */
    private void speedUp(StringBuilder md, Measured one, Measured two) {
        Interval go = ratio(one.go(), two.go());
        Interval go4j = ratio(one.go4j(), two.go4j());
        Interval go4jJdk = ratio(one.go4jJdk(), two.go4jJdk());
        Target target = new Target("≥ " + plain(Workload.FORK_JOIN_SPEEDUP) + "×",
                Verdict.atLeast(go4j, Workload.FORK_JOIN_SPEEDUP));
        md.append("| 13. fork-join speed-up, GOMAXPROCS 1 → 2 (time with 1 / time with 2) | ")
                .append(ratioCell(go, goRan ? "missing" : "not run")).append(" | ").append(ratioCell(go4j, "missing"))
                .append(" | ").append(ratioCell(go4jJdk, "missing")).append(" | — | ").append(times(go4j, go))
                .append(" | ").append(times(go4j, go4jJdk)).append(" | ").append(targetCell(List.of(target)))
                .append(" |\n");
    }

    /** A scheduler line's numbers; latencies in µs. */
    private record Measured(Estimate go, Estimate go4j, Estimate go4jJdk, Estimate jdk) {
    }

    private Measured measured(SchedulerRow row) {
        if (row.isLatency()) {
            return new Measured(micros(data.latency().find(row.metric() + " go")),
                    micros(data.latency().find(row.metric() + " go4j")),
                    micros(data.latency().find(row.metric() + " go4j-jdk")), null);
        }
        GoResults.Result g = row.goName() == null ? null : data.go().find(row.goName());
        return new Measured(g == null ? null : g.time(),
                estimate(data.jmh().find(row.benchmarkClass(), "go4j", row.params())),
                estimate(data.jmhJdkSched().find(row.benchmarkClass(), "go4j", row.params())),
                row.jdkMethod() == null ? null
                        : estimate(data.jmh().find(row.benchmarkClass(), row.jdkMethod(), row.params())));
    }

    private static Estimate micros(Estimate nanos) {
        return nanos == null ? null : new Estimate(nanos.mean() / 1000, nanos.error() / 1000);
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
                .replace("incl. a timeout made per iteration", "+ timer").replace(", 2 producers", "")
                .replace(", go f() to f's first line", "").replace("16 × ~75 µs, ", "").replace(", 1 ms timer", "")
                .replace(" (µs, mean)", "").replace(" (µs, median)", "").replace(" (µs)", "");
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
        md.append("- Scheduler targets (the issue \"go4j's own goroutine scheduler\"; column \"scheduler target\" and"
                + " the scheduler table): on every line, go4j not slower than " + GO4J_JDK + " (≤ 1.0 ×). Ping-pong"
                + " (1), select and fan-in unbuffered (3, 7) and the sieve (8): ≤ 0.7 × " + GO4J_JDK + " and ≤ the"
                + " best *parking* JDK primitive (SynchronousQueue, LinkedTransferQueue; the spinning Exchanger and"
                + " Jox are reported, not targeted, except under side load in row 9, whose lines keep the targets"
                + " above; select has no JDK primitive). Ping-pong ≤ 2.5 × ParkFloor on go4j's scheduler (row 10)."
                + " Spawn (5) ≤ 1.05 × " + GO4J_JDK + ". `Go.gosched()` (11) ≤ 3 × Go. Fork-join (13): speed-up"
                + " from GOMAXPROCS 1 to 2 ≥ 1.7 (met when the speed-up's interval lies wholly at or above 1.7)."
                + " Timer lateness (14): median ≤ 50 µs with a carrier busy, ≤ 250 µs with all idle (this machine's"
                + " timer slack is 50 µs), a program's first timer ≤ 1 ms; child-start latency (12) has no target"
                + " but \"not slower\".\n");
        md.append("- Diagnostics (the issue \"runtime diagnostics\"; the diagnostics table): diagnostics on cost"
                + " nothing measurable on the channel fast path, spawn and ping-pong (16: the on/off ratio's interval"
                + " contains 1.0 or lies below it); a ping-pong pair's worst round trip during a dump of 1 000 000"
                + " goroutines < 1 ms (18). Created-by capture (15) and the dump's throughput (17) are reported,"
                + " without a target.\n");
        md.append("- A target \"go4j ≤ f × X\" is met when go4j's upper bound ≤ f × X's lower bound, missed when"
                + " go4j's lower bound > f × X's upper bound, and inconclusive otherwise.\n\n");
    }

    /** Every line's go4j on its own scheduler over go4j on the JDK's, with the verdict "not slower". */
    private void schedulerVsJdk(StringBuilder md) {
        List<SchedulerPair> all = new ArrayList<>(pairs);
        for (String name : Workload.CHAN_TEST) {
            all.add(new SchedulerPair("chan_test " + name, estimate(chanTest(data.jmh(), name)),
                    estimate(chanTest(data.jmhJdkSched(), name))));
        }
        md.append("## go4j's scheduler vs the JDK's\n\n");
        md.append("The same go4j benchmarks in the same run, on go4j's own scheduler and on the JDK's virtual-thread"
                + " scheduler (`-Dgo4j.scheduler=jdk`): below 1 means go4j's scheduler is faster. \"Not slower\" is"
                + " go4j ≤ 1.0 × " + GO4J_JDK + " by the interval rule: missed only when go4j's interval lies wholly"
                + " above.\n\n");
        md.append("| line | go4j | " + GO4J_JDK + " | go4j/JDK sched. | not slower |\n|---|--:|--:|--:|---|\n");
        Map<Verdict, Integer> count = new java.util.EnumMap<>(Verdict.class);
        for (SchedulerPair p : all) {
            Verdict v = notSlower(p.go4j(), p.go4jJdk()).verdict();
            count.merge(v, 1, Integer::sum);
            md.append("| ").append(p.label()).append(" | ").append(time(p.go4j())).append(" | ")
                    .append(time(p.go4jJdk())).append(" | ").append(p.go4j() == null || p.go4jJdk() == null ? "—"
                            : ratioCell(p.go4j().over(p.go4jJdk()), "—"))
                    .append(" | ").append(v.mark).append(' ').append(v.word).append(" |\n");
        }
        md.append("\n").append(all.size()).append(" lines: ");
        List<String> counts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            counts.add(count.getOrDefault(v, 0) + " " + v.word);
        }
        md.append(String.join(", ", counts)).append(".\n\n");
    }

    // -----------------------------------------------------------------------------------------------------------
    // The diagnostics table

    /** Rows 15 to 18, after the issue "runtime diagnostics": go4j only, on go4j's own scheduler. */
    private void diagnosticsTable(StringBuilder md) {
        md.append("## Diagnostics rows\n\n");
        md.append("go4j only, on its own scheduler: Go has no switch for these (its `ChanUncontended` is in the"
                + " chan_test table). Rows 15 and 16 compare a benchmark with a diagnostic against the same benchmark"
                + " without it, each side from JMH forks of its own: 15 forks with `-Dgo4j.debug.createdBy=true` (a"
                + " stack walk in every `go`) against the main run, 16 the main run (diagnostics on, the default:"
                + " the park path counts waits for the deadlock report) against forks with `-Dgo4j.deadlock=off`;"
                + " ns/op, and the ratio with/without. Row 17 is `GoDump` (single-shot dumps to an `Appendable` that"
                + " keeps nothing, 1 000 000 goroutines blocked in a channel receive), as goroutines per second with"
                + " its interval; row 18 the program `DumpLatency` (µs; each sample is one dump).\n\n");
        md.append("| row | with | without | with/without | target |\n|---|--:|--:|--:|---|\n");
        for (DiagnosticsRow row : Workload.DIAGNOSTICS) {
            Estimate with = estimate(row.with(data));
            Estimate without = estimate(row.without(data));
            Interval ratio = with == null || without == null ? null : with.over(without);
            String target = row.createdBy() ? "— (no target)"
                    : targetCell(List.of(new Target("no measurable cost", Verdict.noMeasurableCost(ratio))));
            md.append("| ").append(row.label()).append(" | ").append(time(with)).append(" | ").append(time(without))
                    .append(" | ").append(ratioCell(ratio, "—")).append(" | ").append(target).append(" |\n");
        }
        Estimate perGoroutine = estimate(data.jmhDump().find("GoDump", "go4j", Map.of()));
        md.append("| ").append(Workload.DUMP_THROUGHPUT).append(" | ")
                .append(perGoroutine == null ? "missing" : rate(perGoroutine.inverse(1e9)))
                .append(" | — | — | — (no target) |\n");
        for (SchedulerRow row : Workload.DUMP_LATENCY) {
            Estimate go4j = measured(row).go4j();
            String target = Double.isNaN(row.limitNanos()) ? "— (no target)" : targetCell(List.of(limit(row, go4j)));
            md.append("| ").append(row.label()).append(" | ").append(time(go4j)).append(" | — | — | ").append(target)
                    .append(" |\n");
        }
        md.append("\n\"No measurable cost\" is met when the ratio's interval (the widest the two intervals allow)"
                + " contains 1.0 or lies below it, missed when it lies wholly above 1.0. The worst round trip's"
                + " bound is judged like the timer bounds: met when its interval lies wholly at or below 1 ms, missed"
                + " when wholly above.\n\n");
    }

    /** A rate with its interval: "123,456 (110,000–140,000)". */
    private static String rate(Interval r) {
        return withInterval(plain(r.value()), r);
    }

    private static JmhResults.Result chanTest(JmhResults jmh, String name) {
        return jmh.find("ChanTest", Character.toLowerCase(name.charAt(0)) + name.substring(1), Map.of());
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
        String target = targetCell(List.of(new Target("≤ 2 × Go", Verdict.atMost(interval(go4j), 2.0, interval(go)))));
        md.append("| bytes/goroutine | ")
                .append(go == null && !goRan ? "not run" : bytes(go))
                .append(" | ").append(bytes(go4j)).append(" | ").append(bytes(jox)).append(" | ").append(bytes(jdk))
                .append(" | ").append(times(interval(go4j), interval(go))).append(" | ")
                .append(times(interval(go4j), interval(jox))).append(" | ")
                .append(times(interval(go4j), interval(jdk)))
                .append(" | ").append(target).append(" |\n\n");
        md.append("Go: Δ(`HeapAlloc` + `StackInuse`)/N after `runtime.GC()`; Java: Δ(heap used after"
                + " `System.gc()`)/N, in a JVM of its own (`-Xmx8g`); virtual-thread stacks live in the heap. Each"
                + " sample is a fresh process. All N goroutines block receiving from one unbuffered channel (Jox:"
                + " rendezvous channel; JDK: `SynchronousQueue.take`). Mean ± 99.9 % interval over ")
                .append(data.meta("memory.rounds", "?")).append(" rounds.\n\n");
        if (go != null && go4j != null) {
            chartRows.add(chartRow("memory per blocked goroutine", go, go4j, null, jox, jdk));
        }
    }

    private void chanTest(StringBuilder md) {
        md.append("## Go's `runtime/chan_test.go`, ported\n\n");
        md.append("The spirit of Go's own channel benchmarks, go4j against Go (no targets). `b.RunParallel`"
                + " becomes one goroutine per processor.\n\n");
        md.append("| benchmark | Go ns/op | go4j ns/op | " + GO4J_JDK + " ns/op | go4j/Go | Go B/op | go4j B/op |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|\n");
        for (String name : Workload.CHAN_TEST) {
            JmhResults.Result j = chanTest(data.jmh(), name);
            GoResults.Result g = data.go().find("Benchmark" + name);
            md.append("| ").append(name).append(" | ").append(goRan ? time(g == null ? null : g.time()) : "not run")
                    .append(" | ").append(time(j == null ? null : j.time())).append(" | ")
                    .append(time(estimate(chanTest(data.jmhJdkSched(), name)))).append(" | ")
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
            Line line = line(w, data.jmh(), data.jmhJdkSched(), data.go());
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

    /** go4j's select methods of a select row, callback form first, with what the report calls them. */
    private static final List<Map.Entry<String, String>> SELECT_FORMS = List.of(
            Map.entry("go4j", "callback: select(onReceive…)"),
            Map.entry("go4jValue", "value: selectValue(receiveClause…)"),
            Map.entry("go4jValueAfter", "value, afterClause instead of a timer"));

    /** Rows 3 and 4 in each form of go4j's select: the value form must allocate no more than the callback form. */
    private void selectForms(StringBuilder md) {
        md.append("## Select: callback and value forms\n\ngo4j's select rows in each form; the value form must"
                + " allocate no more bytes per operation (`gc.alloc.rate.norm`) than the callback form.\n\n"
                + "| workload | form | ns/op | B/op |\n|---|---|--:|--:|\n");
        Workload.MAIN.stream().filter(w -> w.benchmarkClass().startsWith("Select")).forEach(w -> {
            for (Map.Entry<String, String> form : SELECT_FORMS) {
                JmhResults.Result r = data.jmh().find(w.benchmarkClass(), form.getKey(), w.params());
                if (r != null) {
                    md.append("| ").append(w.label()).append(" | ").append(form.getValue()).append(" | ")
                            .append(time(r.time())).append(" | ").append(plain(r.bytesPerOp())).append(" |\n");
                }
            }
        });
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
                .append(status("JDK-scheduler run", data.meta("jmh.jdk-sched.status", "?"))).append(' ')
                .append(status("Loaded JMH run", data.meta("jmh.loaded.status", "?"))).append(' ')
                .append(status("Loaded JDK-scheduler run", data.meta("jmh.loaded.jdk-sched.status", "?")))
                .append('\n');
        md.append("- Schedulers: every fork runs with java.lang opened to the class path, which gives go4j its own"
                + " scheduler; the JDK-scheduler runs add `-Dgo4j.scheduler=jdk`. Each benchmark checks in its setup"
                + " that goroutines run on the scheduler its fork claims (`OnScheduler`). Jox's and the JDK's"
                + " parties are plain virtual threads started from JMH's thread, on the JDK's scheduler in every"
                + " fork.\n");
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
        md.append("- Latency rows (12, 14): `Latency` on each scheduler and Go's `latency`, ")
                .append(data.meta("latency.rounds", "?")).append(" rounds of a fresh process each; a sample is one"
                        + " batch's mean (child start) or median (timers), or the process's first timer; mean ±"
                        + " 99.9 % interval over the samples. ")
                .append(status("Java", data.meta("latency.java.status", "?"))).append(' ')
                .append(status("Go", data.meta("latency.go.status", "?"))).append('\n');
        md.append("- Diagnostics rows (15 to 18): ").append(status("Diagnostics-off run",
                data.meta("jmh.diagnostics-off.status", "?"))).append(' ')
                .append(status("Created-by run", data.meta("jmh.created-by.status", "?"))).append(' ')
                .append(status("Dump run (" + data.meta("dump.settings", "?") + ")", data.meta("jmh.dump.status", "?")))
                .append(' ').append(status("DumpLatency (" + data.meta("dump.latency.settings", "?") + ")",
                        data.meta("dump.latency.status", "?"))).append('\n');
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
