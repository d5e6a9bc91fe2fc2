package dev.go4j;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.internal.park.LeakProbe;
import dev.go4j.programs.LeakScenarios;
import dev.go4j.sync.WaitGroup;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link Go#leakedGoroutines()} reports exactly the goroutines that nothing can wake: the classic leaks are found;
 * goroutines a live producer will feed, sleepers, goroutines a finalizer can still wake and finished goroutines never
 * are. Tagged "leaks": go4j-core runs it in a JVM of its own with {@code -Djdk.trackAllThreads=false}. Each leak is
 * made by a method of LeakScenarios that returns only the goroutine's id, so that no frame of the test keeps the
 * leaked goroutine's channel or thread reachable.
 */
@Tag("leaks")
class LeakReportTest {
    @Test
    void theMachineryIsOnWithTheJdkFlag() {
        assertThat(LeakProbe.enabled()).isTrue();
    }

    @Test
    void aSenderNobodyReadsAfterATimeoutIsReported() {
        long id = LeakScenarios.senderLeftBehindByATimeout();
        GoroutineInfo leak = reported(id);
        assertThat(leak.state()).isEqualTo("chan send");
        assertThat(leak.waitReason()).isEqualTo(WaitReason.CHAN_SEND);
        assertThat(leak.waitingOn()).isEqualTo("chan \"results\"");
        assertThat(leak.createdIn()).isZero(); // started by the test's thread, which is not a goroutine
        assertThat(leak.createdBy()).isNull(); // without -Dgo4j.debug.createdBy
        assertThat(leak.stack()).isEmpty(); // without -Dgo4j.debug.leakStacks
        // Freed, yet listed among the goroutines (as numGoroutine counts it), so that leak checks see it.
        assertThat(Go.goroutines()).filteredOn(g -> g.id() == id).containsExactly(leak);
    }

    @Test
    void aForgottenTickerConsumerIsReported() {
        long id = LeakScenarios.consumerOfAStoppedTicker();
        GoroutineInfo leak = reported(id);
        assertThat(leak.state()).isEqualTo("chan receive");
        assertThat(leak.waitingOn()).isEqualTo("chan");
    }

    @Test
    void aWorkerBlockedOnAMutexWhoseHolderExitedIsReported() {
        long id = LeakScenarios.workerOnAnAbandonedMutex();
        GoroutineInfo leak = reported(id);
        assertThat(leak.state()).isEqualTo("sync.Mutex.Lock");
        assertThat(leak.waitingOn()).isEqualTo("Mutex");
    }

    @Test
    void goroutinesALiveProducerWillFeedAreNeverReported() {
        Chan<Integer> jobs = Chan.<Integer>make().named("jobs");
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        var sum = new AtomicInteger();
        var wg = new WaitGroup();
        for (int i = 0; i < 100; i++) {
            wg.go(() -> {
                ids.add(LeakProbe.currentId());
                sum.addAndGet(jobs.receive());
            });
        }
        awaitBlocked(jobs, WaitReason.CHAN_RECEIVE, 100);
        assertThat(Go.leakedGoroutines()).extracting(GoroutineInfo::id).doesNotContainAnyElementsOf(ids);
        // While they wait unrooted, go4j's own dump still sees them (through the weak access reference).
        assertThat(Go.goroutines()).filteredOn(g -> ids.contains(g.id())).hasSize(100)
                .allSatisfy(g -> assertThat(g.waitingOn()).startsWith("chan \"jobs\""));
        for (int i = 1; i <= 100; i++) {
            jobs.send(i);
        }
        wg.await();
        assertThat(sum).hasValue(5050);
        assertThat(Go.leakedGoroutines()).extracting(GoroutineInfo::id).doesNotContainAnyElementsOf(ids);
    }

    /**
     * No false positives: goroutines that the test's frames do not reach but that something else does (a static
     * field, a blocked goroutine, a platform thread, a ThreadLocal, the timer heap, the other case of a select) are
     * not reported, and each is then woken through that path alone.
     */
    @Test
    void goroutinesSomethingCanStillWakeAreNeverReported() {
        List<LeakScenarios.Wakeable> wakeable = LeakScenarios.goroutinesThatCanStillBeWoken();
        List<GoroutineInfo> leaked = Go.leakedGoroutines();
        for (LeakScenarios.Wakeable w : wakeable) {
            assertThat(leaked).as("a goroutine that %s reaches", w.what()).extracting(GoroutineInfo::id)
                    .doesNotContain(w.id());
        }
        for (LeakScenarios.Wakeable w : wakeable) {
            w.wake().run();
            await(w.woken());
        }
    }

    @Test
    void sleepersAndTimedWaitsAreNeverCandidates() {
        Set<Long> ids = LeakScenarios.goroutinesOnlyTheirDeadlinesWillWake();
        assertThat(Go.leakedGoroutines()).extracting(GoroutineInfo::id).doesNotContainAnyElementsOf(ids);
    }

    /**
     * The reason for phantom references: a finalizable object reachable only from the blocked goroutine wakes it
     * when it is finalized. The collection that found the goroutine unreachable cleared a weak reference to its
     * thread (a weak proof would have reported it), but the phantom proof waits for finalization, which revived it.
     */
    @Test
    void aGoroutineAFinalizerWillWakeIsNeverReported() {
        Chan<String> woken = Chan.make();
        Chan<Empty> again = Chan.<Empty>make().named("again");
        var weak = new AtomicReference<WeakReference<Thread>>();
        var id = new CompletableFuture<Long>();
        go(() -> {
            id.complete(LeakProbe.currentId());
            weak.set(new WeakReference<>(Thread.currentThread()));
            wakeableOnlyByAFinalizer();
            woken.send("woken by a finalizer");
            again.receive(); // a watched wait again, after the collection cleared the old access reference
        });
        long goroutine = await(id);
        awaitCondition("the goroutine to wait for its finalizer", () -> Go.goroutines().stream()
                .anyMatch(g -> g.id() == goroutine && g.waitReason() == WaitReason.CHAN_RECEIVE));
        assertThat(Go.leakedGoroutines()).extracting(GoroutineInfo::id).doesNotContain(goroutine);
        assertThat(woken.receive()).isEqualTo("woken by a finalizer");
        assertThat(weak.get().get()).as("a weak reference to its thread, cleared by the collection").isNull();
        awaitBlocked(again, WaitReason.CHAN_RECEIVE, 1); // seen by go4j's dump: a fresh access reference
        again.send(Empty.VALUE);
    }

    /** Blocks on a channel that only {@code waker}, which only this frame refers to, can send on. */
    private static void wakeableOnlyByAFinalizer() {
        Chan<Empty> ch = Chan.make();
        var waker = new FinalizerWaker(ch);
        ch.receive();
        Reference.reachabilityFence(waker);
    }

    /** Sends on its channel when it is finalized. */
    private static final class FinalizerWaker {
        private final Chan<Empty> ch;

        FinalizerWaker(Chan<Empty> ch) {
            this.ch = ch;
        }

        @Override
        @SuppressWarnings({"deprecation", "removal"}) // finalization is exactly what this test is about
        protected void finalize() {
            ch.trySend(Empty.VALUE);
        }
    }

    @Test
    void theDumpEndsWithTheLeakedGoroutines() {
        long id = LeakScenarios.senderLeftBehindByATimeout();
        reported(id);
        var dump = new StringBuilder();
        Go.dump(dump);
        int section = dump.indexOf("leaked goroutines (blocked forever; the JVM has freed them):\n");
        assertThat(section).isNotNegative();
        assertThat(section == 0 || dump.substring(0, section).endsWith("\n\n")).as("after the live goroutines").isTrue();
        assertThat(dump.substring(section))
                .contains("\ngoroutine " + id + " [chan send (leaked), on \"results\"]:\ncreated by ?\n");
    }

    /** The record of goroutine {@code id} in the report; fails if it is not there. */
    private static GoroutineInfo reported(long id) {
        List<GoroutineInfo> leaked = Go.leakedGoroutines();
        return leaked.stream().filter(g -> g.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("goroutine " + id + " is not in the report " + leaked));
    }
}
