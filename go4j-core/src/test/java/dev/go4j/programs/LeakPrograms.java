package dev.go4j.programs;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.GoroutineInfo;
import dev.go4j.WaitReason;
import dev.go4j.internal.chan.ChannelProbe;
import dev.go4j.internal.park.LeakProbe;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testsupport.GoTesting;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Go.main programs of the leak report, run in child JVMs by LeakProgramTest. */
final class LeakPrograms {
    private LeakPrograms() {
    }

    /**
     * The classic leaks (goroutines 2, 3 and 5; 4 takes the mutex and exits), three goroutines only their deadlines
     * will wake (6 to 8) and 100 goroutines a live producer feeds (9 to 108): prints the report, how many of the fed
     * goroutines it named, the goroutine count (the leaked ones still count, as in Go) and the dump's section of
     * leaked goroutines.
     */
    static final class ClassicLeaks {
        public static void main(String[] args) {
            Go.main(args, () -> {
                LeakScenarios.senderLeftBehindByATimeout();
                LeakScenarios.consumerOfAStoppedTicker();
                LeakScenarios.workerOnAnAbandonedMutex();
                LeakScenarios.goroutinesOnlyTheirDeadlinesWillWake();
                Set<Long> fed = fedByALiveProducer();
                for (GoroutineInfo g : Go.leakedGoroutines()) {
                    System.out.println("leaked: goroutine " + g.id() + " [" + g.state() + "] on " + g.waitingOn()
                            + ", created in goroutine " + g.createdIn());
                }
                System.out.println("fed goroutines reported: " + Go.leakedGoroutines().stream()
                        .filter(g -> fed.contains(g.id())).count());
                GoTesting.awaitCondition("the fed goroutines to finish", () -> Go.numGoroutine() <= 7);
                System.out.println("numGoroutine: " + Go.numGoroutine());
                System.out.print(leakSection());
            });
        }

        /** 100 goroutines blocked on a channel that this goroutine feeds after a report; returns their ids. */
        private static Set<Long> fedByALiveProducer() {
            Chan<Integer> jobs = Chan.make();
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            var wg = new WaitGroup();
            for (int i = 0; i < 100; i++) {
                wg.go(() -> {
                    ids.add(LeakProbe.currentId());
                    jobs.receive();
                });
            }
            GoTesting.awaitBlocked(jobs, WaitReason.CHAN_RECEIVE, 100);
            List<GoroutineInfo> before = Go.leakedGoroutines();
            for (int i = 0; i < 100; i++) {
                jobs.send(i);
            }
            wg.await();
            System.out.println("fed goroutines reported while they waited: "
                    + before.stream().filter(g -> ids.contains(g.id())).count());
            return Set.copyOf(ids);
        }
    }

    /**
     * The report at scale: {@code args[0]} goroutines blocked on a channel that a static field holds are not
     * reported; once the field is cleared, every one of them is. Prints the counts and how long each report took.
     */
    static final class ManyLeaked {
        private static final AtomicReference<Chan<Integer>> HELD = new AtomicReference<>();

        public static void main(String[] args) {
            int n = Integer.parseInt(args[0]);
            Go.main(args, () -> {
                blockAll(n);
                long start = System.nanoTime();
                long whileHeld = Go.leakedGoroutines().size();
                long held = System.nanoTime();
                HELD.set(null);
                long leaked = Go.leakedGoroutines().size();
                long end = System.nanoTime();
                System.out.printf("reported while held: %d%nreported once dropped: %d%nnumGoroutine: %d%n",
                        whileHeld, leaked, Go.numGoroutine());
                System.err.printf("ManyLeaked: %d goroutines; report while held %.1f s, once dropped %.1f s%n", n,
                        (held - start) / 1e9, (end - held) / 1e9);
            });
        }

        /** Starts {@code n} goroutines that receive on the channel in {@link #HELD}; returns once all of them wait. */
        private static void blockAll(int n) {
            Chan<Integer> ch = Chan.make();
            HELD.set(ch);
            for (int i = 0; i < n; i++) {
                Go.go(() -> HELD.get().receive());
            }
            GoTesting.awaitCondition("every goroutine to block", () -> ChannelProbe.queuedWaiters(ch) == n);
        }
    }

    /**
     * The negatives under Go.main (LeakScenarios.goroutinesThatCanStillBeWoken): prints how many of them the report
     * named, then wakes each through the path that still reached it, and prints how many woke.
     */
    static final class StillWakeable {
        public static void main(String[] args) {
            Go.main(args, () -> {
                List<LeakScenarios.Wakeable> wakeable = LeakScenarios.goroutinesThatCanStillBeWoken();
                Set<Long> leaked = new HashSet<>();
                Go.leakedGoroutines().forEach(g -> leaked.add(g.id()));
                for (LeakScenarios.Wakeable w : wakeable) {
                    System.out.println((leaked.contains(w.id()) ? "reported: " : "not reported: ") + w.what());
                }
                for (LeakScenarios.Wakeable w : wakeable) {
                    w.wake().run();
                    GoTesting.await(w.woken());
                }
                System.out.println("woken: " + wakeable.size());
            });
        }
    }

    /** The dump from its section of leaked goroutines on, or a line saying there is none. */
    static String leakSection() {
        var dump = new StringBuilder();
        Go.dump(dump);
        int section = dump.indexOf("leaked goroutines");
        return section < 0 ? "no leaked goroutines in the dump\n" : dump.substring(section);
    }

    /** One leak, reported with stacks and creators: run with -Dgo4j.debug.leakStacks and -Dgo4j.debug.createdBy. */
    static final class LeakWithStack {
        public static void main(String[] args) {
            Go.main(args, () -> {
                LeakScenarios.senderLeftBehindByATimeout();
                Go.leakedGoroutines();
                System.out.print(leakSection());
            });
        }
    }

    /** Prints what Go.leakedGoroutines() throws (run without -Djdk.trackAllThreads=false, or with go4j.leaks=false). */
    static final class ReportUnavailable {
        public static void main(String[] args) {
            Go.main(args, () -> {
                try {
                    Go.leakedGoroutines();
                    System.out.println("no exception");
                } catch (IllegalStateException e) {
                    System.out.println(e.getMessage());
                }
            });
        }
    }

    /**
     * A leak found and freed, then main blocks forever: Go's deadlock report must still come (leaked goroutines are
     * asleep too, and still counted), its dump ending with the leaked section.
     */
    static final class LeakThenDeadlock {
        public static void main(String[] args) {
            Go.main(args, () -> {
                LeakScenarios.senderLeftBehindByATimeout();
                System.out.println("leaked: " + Go.leakedGoroutines().size());
                Chan.<Integer>make().receive();
            });
        }
    }
}
