package dev.go4j;

import static dev.go4j.Go.go;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.internal.park.ParkState;
import dev.go4j.sync.WaitGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Go.go and the runtime functions of Go. */
class GoTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

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
        assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void goroutinesAreNamedVirtualThreadsWithIncreasingIds() throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var thread = new CompletableFuture<Thread>();
            go(() -> thread.complete(Thread.currentThread()));
            threads.add(thread.get(30, TimeUnit.SECONDS));
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
        assertThat(seen.get(30, TimeUnit.SECONDS)).isNull();
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
        awaitTrue(() -> Go.numGoroutine() <= before);
        assertThat(Go.numGoroutine()).isLessThanOrEqualTo(before);
    }

    @Test
    void sleepLastsAtLeastItsDurationAndRecordsItsWaitReason() throws Exception {
        long start = System.nanoTime();
        Go.sleep(Duration.ofMillis(20));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));

        var sleeper = new CompletableFuture<Thread>();
        var woke = new CountDownLatch(1);
        go(() -> {
            sleeper.complete(Thread.currentThread());
            try {
                Go.sleep(Duration.ofHours(1));
            } catch (Interrupted e) {
                woke.countDown();
            }
        });
        Thread thread = sleeper.get(30, TimeUnit.SECONDS);
        ParkState.awaitBlocked(thread, WaitReason.SLEEP, TIMEOUT);
        thread.interrupt();
        assertThat(woke.await(30, TimeUnit.SECONDS)).isTrue();
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
        var sleeper = new CompletableFuture<Thread>();
        var failure = new AtomicReference<Throwable>();
        var ended = new CountDownLatch(1);
        go(() -> {
            sleeper.complete(Thread.currentThread());
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
        Thread thread = sleeper.get(30, TimeUnit.SECONDS);
        ParkState.awaitBlocked(thread, WaitReason.SLEEP, TIMEOUT);
        thread.interrupt();
        assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isNull();
    }

    @Test
    void executorRunsEachTaskInAGoroutine() throws Exception {
        String name = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), Go.executor())
                .get(30, TimeUnit.SECONDS);
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

    static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
    }
}
