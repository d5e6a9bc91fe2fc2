package dev.go4j.bench;

import dev.go4j.Go;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Diagnostics row 18: what a goroutine dump costs the rest of a running program. {@link Sizes#DUMP_GOROUTINES}
 * goroutines are blocked in a channel receive ({@link BlockedGoroutines}); for each dump a {@link PingPongPair}
 * plays ping-pong on unbuffered channels, its pinger timing every round trip ({@link RoundTrips}), while another
 * goroutine writes {@link Go#dump(Appendable)} of them all. Each dump gives two samples, printed as the latency
 * program's lines ({@link Latency}), SYSTEM being {@code go4j}:
 * <ul>
 *   <li>{@code dump-round-trip-worst}: the longest round trip that overlapped the dump (the issue: under 1 ms,
 *       since go4j's dump holds each goroutine only while its own stack is taken and never stops the program);
 *   <li>{@code dump-round-trip-p999}: the 99.9th percentile of those round trips.
 * </ul>
 * and one line for the log, {@code dump N: … ms, … goroutines/s, … round trips}. The warm-up of {@link GoDump}
 * comes first, with a pair running, so that both the dump and the pair's loop are compiled before the first
 * measured dump. The report takes the mean and 99.9 % interval of each metric's samples over all dumps and rounds
 * (a fresh process each).
 *
 * <p>Usage: {@code java -Xmx6g --add-opens java.base/java.lang=ALL-UNNAMED dev.go4j.bench.DumpLatency
 * [-goroutines N] [-dumps K]}.
 */
public final class DumpLatency {
    /** The metrics' names in the sample lines. */
    static final String WORST = "dump-round-trip-worst";
    static final String P999 = "dump-round-trip-p999";

    /** How much one process measures: blocked goroutines, and dumps of them. */
    record Plan(int goroutines, int dumps) {
        static final Plan DEFAULT = new Plan(Sizes.DUMP_GOROUTINES, 3);
    }

    private DumpLatency() {
    }

    public static void main(String[] args) {
        ProgramArgs a = ProgramArgs.parse(args, "usage: DumpLatency [-goroutines N] [-dumps K]", "-goroutines",
                "-dumps");
        Plan plan = new Plan(a.get("-goroutines", Plan.DEFAULT.goroutines()), a.get("-dumps", Plan.DEFAULT.dumps()));
        // Go.main ends the process when the body returns, without waking the million goroutines.
        Go.main(args, () -> measure(plan, false).forEach(System.out::println));
    }

    /**
     * Every dump's lines. With {@code release}, wakes the blocked goroutines afterwards and waits until they have
     * ended (the smoke test); otherwise leaves them blocked (the caller is about to exit).
     */
    static List<String> measure(Plan plan, boolean release) throws InterruptedException {
        String system = OnScheduler.system(OnScheduler.check());
        var warmPair = new PingPongPair(new RoundTrips()); // never opened: runs the timed loop, keeps nothing
        GoDump.warmUp();
        warmPair.stop();
        List<String> lines = new ArrayList<>();
        var blocked = BlockedGoroutines.start(plan.goroutines());
        for (int d = 1; d <= plan.dumps(); d++) {
            var trips = new RoundTrips();
            var pair = new PingPongPair(trips);
            long[] nanos = new long[1];
            Parties.goroutines(() -> {
                trips.open();
                long start = System.nanoTime();
                Go.dump(new GoDump.CountingAppendable());
                nanos[0] = System.nanoTime() - start;
                trips.close();
            });
            pair.stop();
            lines.add(String.format(Locale.ROOT, "dump %d: %,d ms, %,.0f goroutines/s, %,d round trips", d,
                    nanos[0] / 1_000_000, plan.goroutines() * 1e9 / nanos[0], trips.count()));
            lines.add(Latency.line(WORST, system, trips.worst()));
            lines.add(Latency.line(P999, system, trips.percentile(0.999)));
        }
        if (release) {
            blocked.close();
        }
        return lines;
    }
}
