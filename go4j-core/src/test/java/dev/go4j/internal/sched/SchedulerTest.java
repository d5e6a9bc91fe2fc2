package dev.go4j.internal.sched;

import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.awaitCondition;
import static dev.go4j.testsupport.GoTesting.join;
import static dev.go4j.testsupport.GoTesting.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.Panic;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.Quiescence;
import dev.go4j.programs.JavaProcess;
import dev.go4j.testsupport.GoTesting;
import dev.go4j.sync.WaitGroup;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * go4j's scheduler makes Go's decisions: a goroutine readied by another runs next on that carrier, timers are not
 * starved by goroutines that keep each other busy, a blocked or long-computing carrier does not stop the others,
 * GOMAXPROCS changes at run time, virtual threads that goroutines start run on its carriers, an idle program's
 * carriers park, and without access to the JDK go4j falls back to the JDK's scheduler without a word on stderr.
 * Decisions are asserted through the scheduler's counters and the carriers goroutines run on; times only as
 * bounds far above what the decision needs.
 */
class SchedulerTest {
    private static final Scheduler SCHED = Scheduler.installed();

    /**
     * Every test starts from the settled state it reasons about: two carriers, no stand-in still retiring and no
     * carrier counted stuck (a stand-in left by an earlier test, here or in another class of the same JVM, would
     * serve work that the test expects the monitor to hand off).
     */
    @BeforeEach
    void awaitSettledScheduler() {
        Go.gomaxprocs(2);
        try {
            awaitCondition("two carriers, none stuck",
                    () -> SCHED.carriers.length == 2 && SCHED.stuckCarriers() == 0);
        } catch (AssertionError unsettled) {
            throw new AssertionError(unsettled.getMessage() + "\nthe scheduler then: " + SCHED, unsettled);
        }
    }

    @AfterEach
    void restoreGomaxprocs() {
        Go.gomaxprocs(2);
    }

    /** The carrier the current goroutine runs on. */
    private static Thread carrier() {
        return JdkAccess.currentCarrier();
    }

    @Test
    void goroutinesRunOnGo4jsCarriers() {
        assertThat(Go.scheduler()).isEqualTo(Go.Scheduler.GO4J);
        assertThat(SCHED).isNotNull();
        var on = new CompletableFuture<Thread>();
        start(() -> on.complete(carrier()));
        assertThat(await(on)).isInstanceOf(Carrier.class);
    }

    /**
     * Go's promise that no goroutine waits forever: pairs that pass a value back and forth over unbuffered
     * channels, forever, keep both carriers busy (runnext hand-offs never end their time slice on their own), yet
     * a goroutine's 100 ms sleep still ends (the monitor ends their slices; the sleeper is served from the global
     * queue). On the JDK's scheduler it never woke within 20 s.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 4, 16})
    void aSleepEndsWhileBusyPairsHandOffForever(int pairs) throws Exception {
        var stop = new AtomicBoolean();
        var wg = new WaitGroup();
        for (int i = 0; i < pairs; i++) {
            Chan<Integer> ping = Chan.make();
            Chan<Integer> pong = Chan.make();
            wg.go(() -> {
                while (!stop.get()) {
                    ping.send(1);
                    pong.receive();
                }
                ping.close();
            });
            wg.go(() -> {
                for (Integer v : ping) {
                    pong.send(v);
                }
            });
        }
        var slept = new CompletableFuture<Duration>();
        long expiredBefore = SCHED.stats.slicesExpired.sum();
        start(() -> {
            long t0 = System.nanoTime();
            Go.sleep(Duration.ofMillis(100));
            slept.complete(Duration.ofNanos(System.nanoTime() - t0));
        });
        Duration took = slept.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        stop.set(true);
        wg.await();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(100)).isLessThan(Duration.ofSeconds(1));
        assertThat(SCHED.stats.slicesExpired.sum()).as("time slices the monitor ended").isGreaterThan(expiredBefore);
    }

    /** Go's runnext: a child started before its parent blocks runs next, on the parent's carrier. */
    @Test
    void aChildStartedBeforeItsParentBlocksRunsNextOnTheSameCarrier() throws Exception {
        int sameCarrier = 0;
        for (int trial = -50; trial < 100; trial++) { // the first 50 warm the code paths up and do not count
            var result = new CompletableFuture<Boolean>();
            start(() -> {
                Thread parent = carrier();
                Chan<Thread> child = Chan.make();
                Go.go(() -> child.send(carrier()));
                result.complete(child.receive() == parent);
            });
            if (await(result) && trial >= 0) {
                sameCarrier++;
            }
        }
        assertThat(sameCarrier).as("children that ran on their parent's carrier, of 100").isGreaterThanOrEqualTo(95);
    }

    /** With one carrier: the last goroutine started runs first (runnext), the others in start order. */
    @Test
    void withOneCarrierTheLastStartedRunsFirstAndTheRestInStartOrder() {
        Go.gomaxprocs(1);
        awaitCondition("one carrier left", () -> SCHED.carriers.length == 1);
        var order = Collections.synchronizedList(new ArrayList<Integer>());
        var done = new CompletableFuture<List<Integer>>();
        start(() -> {
            var wg = new WaitGroup();
            for (int i = 1; i <= 5; i++) {
                int id = i;
                wg.go(() -> order.add(id));
            }
            wg.await();
            done.complete(List.copyOf(order));
        });
        assertThat(await(done)).containsExactly(5, 1, 2, 3, 4);
    }

    @Test
    void gomaxprocsChangesAtRunTime() throws Exception {
        assertThat(Go.gomaxprocs()).isEqualTo(2);
        assertThat(Go.gomaxprocs(1)).isEqualTo(2);
        assertThat(Go.gomaxprocs()).isEqualTo(1);
        awaitCondition("one carrier left", () -> SCHED.carriers.length == 1);
        assertThat(runsSomewhere()).isTrue();
        assertThat(Go.gomaxprocs(0)).as("n < 1 only queries").isEqualTo(1);
        assertThat(Go.gomaxprocs(2)).isEqualTo(1);
        assertThat(SCHED.carriers).hasSize(2);
        assertThat(carriersOfTwoBusyGoroutines()).hasSize(2);
    }

    /**
     * The carriers that two goroutines run on when each holds its carrier until the other one runs: two if both
     * carriers take work.
     */
    private static java.util.Set<Thread> carriersOfTwoBusyGoroutines() {
        var carriers = Collections.synchronizedSet(new java.util.HashSet<Thread>());
        var wg = new WaitGroup();
        var bothBusy = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            wg.go(() -> {
                carriers.add(carrier());
                bothBusy.countDown();
                while (bothBusy.getCount() > 0) {
                    Thread.onSpinWait(); // hold this carrier until the other goroutine runs: it must take the other
                }
            });
        }
        wg.await();
        return carriers;
    }

    private static boolean runsSomewhere() throws Exception {
        var ran = new CompletableFuture<Boolean>();
        start(() -> ran.complete(true));
        return await(ran);
    }

    /**
     * Hand-off: goroutines that compute without blocking on every carrier for 2 s do not stop another goroutine
     * for that long; the monitor gives the waiting work a carrier of its own (Go would preempt instead).
     */
    @Test
    void goroutinesComputingOnEveryCarrierDoNotStopOthers() throws Exception {
        long handoffsBefore = SCHED.stats.handoffs.sum();
        var othersRan = new AtomicBoolean();
        var computing = new CountDownLatch(2);
        var wg = new WaitGroup();
        var ranWhileComputing = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            wg.go(() -> {
                computing.countDown();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (System.nanoTime() - end < 0) {
                    Thread.onSpinWait();
                }
                if (othersRan.get()) {
                    ranWhileComputing.incrementAndGet();
                }
            });
        }
        await(computing);
        start(() -> othersRan.set(true));
        wg.await();
        assertThat(ranWhileComputing.get()).as("computing goroutines that saw the other one run meanwhile")
                .isEqualTo(2);
        assertThat(SCHED.stats.handoffs.sum()).as("carriers handed off").isGreaterThan(handoffsBefore);
        awaitCondition("the replacement retires", () -> SCHED.carriers.length == 2);
    }

    /**
     * Hand-off of blocked carriers: goroutines stuck on every carrier in a blocking file call (opening a FIFO
     * nobody writes) do not stop others; the stuck carriers' stand-ins retire again once they come back.
     */
    @Test
    void goroutinesStuckInFileCallsOnEveryCarrierDoNotStopOthers(@TempDir Path dir) throws Exception {
        List<Path> fifos = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path fifo = dir.resolve("fifo" + i);
            assumeThat(mkfifo(fifo)).as("mkfifo is available").isTrue();
            fifos.add(fifo);
        }
        long handoffsBefore = SCHED.stats.handoffs.sum();
        var wg = new WaitGroup();
        var read = new AtomicInteger();
        var opening = new CountDownLatch(fifos.size());
        for (Path fifo : fifos) {
            wg.go(() -> {
                opening.countDown();
                try (var in = new FileInputStream(fifo.toFile())) { // blocks in open(2) until a writer opens
                    read.addAndGet(in.read());
                }
            });
        }
        try {
            await(opening); // both carriers are taken by goroutines that cannot return until the FIFOs are written
            assertThat(runsSomewhere()).as("another goroutine runs meanwhile").isTrue();
            assertThat(SCHED.stats.handoffs.sum()).as("carriers handed off").isGreaterThan(handoffsBefore);
        } finally { // release the readers even when an assertion failed, so no carrier stays stuck for later tests
            for (Path fifo : fifos) {
                try (var out = new FileOutputStream(fifo.toFile())) {
                    out.write(1);
                }
            }
        }
        wg.await();
        assertThat(read.get()).isEqualTo(2);
        awaitCondition("the stand-ins retire", () -> SCHED.carriers.length == 2 && SCHED.stuckCarriers() == 0);
    }

    private static boolean mkfifo(Path path) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    /** Virtual threads that a goroutine starts by other means inherit its scheduler: they run on go4j's carriers. */
    @Test
    void virtualThreadsStartedInsideGoroutinesRunOnItsCarriersAndAreCounted() throws Exception {
        long before = SCHED.stats.foreignSubmissions.sum();
        var on = new CompletableFuture<Thread>();
        start(() -> {
            Thread child = Thread.ofVirtual().start(() -> on.complete(carrier()));
            join(child);
        });
        assertThat(await(on)).isInstanceOf(Carrier.class);
        assertThat(SCHED.stats.foreignSubmissions.sum()).isGreaterThan(before);
    }

    /** When nothing runs, every carrier parks and so does the monitor: an idle program costs no CPU. */
    @Test
    void anIdleProgramsCarriersAndMonitorPark() throws Exception {
        assertThat(runsSomewhere()).isTrue();
        awaitCondition("every carrier parked", () -> SCHED.idle.get() == SCHED.carriers.length);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Thread> threads = schedulerThreads();
        long before = cpuOf(cpu, threads);
        Thread.sleep(200);
        long used = cpuOf(cpu, threads) - before;
        assertThat(Duration.ofNanos(used)).as("CPU used by %s in 200 ms of idleness", threads)
                .isLessThan(Duration.ofMillis(20));
    }

    private static List<Thread> schedulerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("go4j-carrier") || t.getName().equals("go4j-monitor"))
                .toList();
    }

    private static long cpuOf(ThreadMXBean cpu, List<Thread> threads) {
        return threads.stream().mapToLong(t -> Math.max(0, cpu.getThreadCpuTime(t.threadId()))).sum();
    }

    /** Without java.lang opened to go4j, goroutines run on the JDK's scheduler, and nothing is said on stderr. */
    @Test
    void withoutTheAccessGoroutinesRunOnTheJdksSchedulerQuietly() throws Exception {
        var outcome = JavaProcess.run(List.of(), PrintScheduler.class, JavaProcess.TIMEOUT);
        assertThat(outcome.exitStatus()).isZero();
        assertThat(outcome.stdout()).isEqualTo("JDK\nran\n");
        assertThat(outcome.stderr()).isEmpty();
    }

    /**
     * The deadlock report's park counters live on the carriers: goroutines blocking there are counted there (and
     * so in Quiescence), the counts of a carrier that leaves (GOMAXPROCS 2 -> 1) stay in the sums, and the
     * goroutines' wake-ups are counted off again.
     */
    @Test
    void waitCountsLiveOnCarriersAndSurviveACarrierLeaving() {
        int blockers = 10;
        Scheduler.CarrierWaits before = settledCarrierWaits();
        long parkedBefore = Quiescence.parkedGoroutines();
        Chan<Integer> gate = Chan.make();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < blockers; i++) {
            threads.add(start(gate::receive));
        }
        awaitBlocked(gate, WaitReason.CHAN_RECEIVE, blockers);
        Scheduler.CarrierWaits blocked = settledCarrierWaits();
        assertThat(blocked.begun() - before.begun()).as("waits begun on carriers").isGreaterThanOrEqualTo(blockers);
        long parkedBlocked = Quiescence.parkedGoroutines();
        assertThat(parkedBlocked - parkedBefore).isGreaterThanOrEqualTo(blockers);
        Go.gomaxprocs(1);
        awaitCondition("one carrier left", () -> SCHED.carriers.length == 1);
        Scheduler.CarrierWaits afterLeaving = settledCarrierWaits();
        assertThat(afterLeaving.begun()).as("a leaving carrier's counts stay").isGreaterThanOrEqualTo(blocked.begun());
        assertThat(afterLeaving.ended()).isGreaterThanOrEqualTo(blocked.ended());
        assertThat(Quiescence.parkedGoroutines() - parkedBefore).isGreaterThanOrEqualTo(blockers);
        gate.close();
        threads.forEach(GoTesting::join);
        assertThat(Quiescence.parkedGoroutines()).as("woken goroutines are counted off")
                .isLessThanOrEqualTo(parkedBlocked - blockers);
    }

    /** The carriers' wait sums, read again until no carrier was leaving during the read. */
    private static Scheduler.CarrierWaits settledCarrierWaits() {
        Scheduler.CarrierWaits waits;
        while ((waits = SCHED.carrierWaits()) == null) {
            Thread.onSpinWait();
        }
        return waits;
    }

    /**
     * A goroutine that yields while nothing else is runnable gets its carrier straight back and wakes no other
     * carrier for it (Go's wakep would; here it is only cost: go4j-bench Gosched).
     */
    @Test
    void aLoneYieldingGoroutineWakesNoOtherCarrier() {
        var wakes = new CompletableFuture<Long>();
        start(() -> {
            awaitCondition("one carrier idle", () -> SCHED.idle.get() == 1);
            long before = SCHED.stats.wakes.sum();
            for (int i = 0; i < 10_000; i++) {
                Go.gosched();
            }
            wakes.complete(SCHED.stats.wakes.sum() - before);
        });
        assertThat(await(wakes)).as("carriers woken during 10 000 yields").isLessThan(10);
    }

    /**
     * A goroutine's exception whose uncaught-exception handler throws too ends that goroutine only: the handler's
     * exception is dropped (as the JVM drops a platform thread's), and no carrier leaves its loop for it.
     */
    @Test
    @ResourceLock("go4j.panicPolicy")
    void aFailingUncaughtExceptionHandlerStopsNoCarrier() {
        Thread.UncaughtExceptionHandler saved = Thread.getDefaultUncaughtExceptionHandler();
        var handled = new CompletableFuture<Thread>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            handled.complete(t);
            throw new IllegalStateException("a handler that fails");
        });
        try {
            Go.go(() -> {
                throw new Panic("boom");
            });
            join(await(handled));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(saved);
        }
        assertThat(SCHED.carriers).hasSize(2).allSatisfy(c -> assertThat(c.isAlive()).isTrue());
        assertThat(carriersOfTwoBusyGoroutines()).as("both carriers still run goroutines").hasSize(2);
    }

    /** -Dgo4j.scheduler=jdk forces the fallback; -Dgo4j.scheduler=go4j without the access fails naming the flag. */
    @Test
    void theSchedulerPropertyForcesOrDemands() throws Exception {
        var forced = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, "-Dgo4j.scheduler=jdk"),
                PrintScheduler.class, JavaProcess.TIMEOUT);
        assertThat(forced.stdout()).isEqualTo("JDK\nran\n");
        var demanded = JavaProcess.run(List.of("-Dgo4j.scheduler=go4j"), PrintScheduler.class,
                JavaProcess.TIMEOUT);
        assertThat(demanded.exitStatus()).isNotZero();
        assertThat(demanded.stderr()).contains("--add-opens java.base/java.lang=ALL-UNNAMED");
        var granted = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, "-Dgo4j.scheduler=go4j"),
                PrintScheduler.class, JavaProcess.TIMEOUT);
        assertThat(granted.stdout()).isEqualTo("GO4J\nran\n");
    }

    /** Prints which scheduler runs goroutines, then runs one. */
    static final class PrintScheduler {
        public static void main(String[] args) {
            Go.main(args, () -> {
                System.out.println(Go.scheduler());
                var wg = new WaitGroup();
                wg.go(() -> System.out.println("ran"));
                wg.await();
            });
        }
    }
}
