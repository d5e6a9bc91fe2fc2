package dev.go4j;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitCondition;
import static dev.go4j.testsupport.GoTesting.start;
import static dev.go4j.testsupport.GoTesting.startBlocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.sync.WaitGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Go.go and the runtime functions of Go. */
class GoTest {
    private static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();

    private static void staticBody() {
        CALLS.add("static method");
    }

    private void instanceBody() {
        CALLS.add("instance method");
    }

    @Test
    void goAcceptsEveryFormOfFunction() {
        CALLS.clear();
        var wg = new WaitGroup();
        String captured = "closure";
        wg.add(4);
        go(() -> {
            CALLS.add(captured);
            wg.done();
        });
        go(() -> {
            staticBody();
            wg.done();
        });
        go(() -> {
            this.instanceBody();
            wg.done();
        });
        go(new Task() {
            @Override
            public void run() {
                CALLS.add("anonymous class");
                wg.done();
            }
        });
        wg.await();
        assertThat(CALLS).containsExactlyInAnyOrder("closure", "static method", "instance method",
                "anonymous class");
    }

    @Test
    void methodReferencesRunAsGoroutines() throws Exception {
        CALLS.clear();
        var latch = new CountDownLatch(2);
        go(GoTest::staticBody);
        go(this::instanceBody);
        go(latch::countDown);
        go(latch::countDown);
        await(latch);
    }

    @Test
    void goroutinesAreNamedVirtualThreadsWithIncreasingIds() throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threads.add(start(() -> { }));
        }
        long previous = 1;
        for (Thread thread : threads) {
            assertThat(thread.isVirtual()).isTrue();
            assertThat(thread.getName()).matches("goroutine \\d+");
            long id = Long.parseLong(thread.getName().substring("goroutine ".length()));
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void goroutinesDoNotInheritInheritableThreadLocals() throws Exception {
        var local = new InheritableThreadLocal<String>();
        local.set("parent value");
        var seen = new CompletableFuture<String>();
        go(() -> seen.complete(local.get()));
        assertThat(await(seen)).isNull();
    }

    @Test
    void goRejectsNull() {
        assertThatThrownBy(() -> go(null)).isInstanceOf(NullPointerException.class).hasMessage("task");
    }

    @Test
    void numGoroutineCountsLiveGoroutinesUnderChurn() throws Exception {
        // Goroutines of earlier tests may still be finishing, so the baseline may only shrink meanwhile.
        int before = Go.numGoroutine();
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            go(() -> {
                started.countDown();
                release.await();
            });
        }
        started.await();
        assertThat(Go.numGoroutine()).isGreaterThanOrEqualTo(100);
        release.countDown();
        var wg = new WaitGroup();
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 500; i++) {
                wg.go(() -> { });
            }
            wg.await();
        }
        awaitCondition("numGoroutine back to " + before, () -> Go.numGoroutine() <= before);
        assertThat(Go.numGoroutine()).isLessThanOrEqualTo(before);
    }

    @Test
    void sleepLastsAtLeastItsDurationAndRecordsItsWaitReason() throws Exception {
        long start = System.nanoTime();
        Go.sleep(Duration.ofMillis(20));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));

        var woke = new CountDownLatch(1);
        Thread thread = startBlocked(WaitReason.SLEEP, () -> {
            try {
                Go.sleep(Duration.ofHours(1));
            } catch (Interrupted e) {
                woke.countDown();
            }
        });
        thread.interrupt();
        await(woke);
    }

    @Test
    void sleepReturnsAtOnceForNonPositiveDurationsEvenWhenInterrupted() {
        Thread.currentThread().interrupt();
        try {
            Go.sleep(Duration.ZERO);
            Go.sleep(Duration.ofSeconds(-1));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void interruptedSleepThrowsAndKeepsTheStatus() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Go.sleep(Duration.ofSeconds(10)))
                    .isInstanceOf(Interrupted.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void hugeSleepDurationsDoNotOverflow() throws Exception {
        var failure = new AtomicReference<Throwable>();
        var ended = new CountDownLatch(1);
        Thread thread = startBlocked(WaitReason.SLEEP, () -> {
            try {
                Go.sleep(Duration.ofSeconds(Long.MAX_VALUE));
            } catch (Interrupted expected) {
                // The only way out.
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                ended.countDown();
            }
        });
        thread.interrupt();
        await(ended);
        assertThat(failure.get()).isNull();
    }

    @Test
    void executorRunsEachTaskInAGoroutine() throws Exception {
        String name = await(CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), Go.executor()));
        assertThat(name).startsWith("goroutine ");
    }

    @Test
    void gomaxprocsIsTheVirtualThreadParallelism() {
        String configured = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        int expected = configured != null ? Integer.parseInt(configured)
                : Runtime.getRuntime().availableProcessors();
        assertThat(Go.gomaxprocs()).isEqualTo(expected);
    }

    @Test
    void goschedYields() {
        Go.gosched();
    }
}
