package dev.go4j.sync;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Interrupted;
import dev.go4j.Panic;
import dev.go4j.WaitReason;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

class WaitGroupTest {
    @Test
    void awaitReturnsAtOnceWhenTheCounterIsZero() {
        new WaitGroup().await();
    }

    @Test
    void negativeCounterPanicsWithGoText() {
        var wg = new WaitGroup();
        assertThatThrownBy(wg::done).isInstanceOf(Panic.class).hasMessage("sync: negative WaitGroup counter");
        wg.add(2);
        assertThatThrownBy(() -> wg.add(-3)).isInstanceOf(Panic.class)
                .hasMessage("sync: negative WaitGroup counter");
        wg.add(-2);
        wg.await();
    }

    @Test
    void awaitBlocksUntilTheLastDone() throws Exception {
        var wg = new WaitGroup();
        wg.add(2);
        var returned = new CountDownLatch(1);
        Thread waiter = Thread.ofVirtual().start(() -> {
            wg.await();
            returned.countDown();
        });
        awaitBlocked(waiter, WaitReason.SYNC_WAITGROUP_WAIT);
        awaitBlocked(wg, WaitReason.SYNC_WAITGROUP_WAIT, 1);
        wg.done();
        assertThat(returned.getCount()).isEqualTo(1);
        awaitBlocked(waiter, WaitReason.SYNC_WAITGROUP_WAIT);
        wg.done();
        await(returned);
    }

    @Test
    void everyWaiterIsReleasedAndEachDoneHappensBeforeAwaitReturns() throws Exception {
        var wg = new WaitGroup();
        int workers = 8;
        int[] results = new int[workers];
        wg.add(workers);
        var seen = new AtomicInteger();
        var waitersDone = new CountDownLatch(4);
        for (int w = 0; w < 4; w++) {
            go(() -> {
                wg.await();
                int sum = 0;
                for (int r : results) {
                    sum += r;
                }
                seen.addAndGet(sum);
                waitersDone.countDown();
            });
        }
        awaitBlocked(wg, WaitReason.SYNC_WAITGROUP_WAIT, 4);
        for (int i = 0; i < workers; i++) {
            int index = i;
            go(() -> {
                results[index] = index + 1; // plain write, published by done()
                wg.done();
            });
        }
        await(waitersDone);
        assertThat(seen.get()).isEqualTo(4 * (workers * (workers + 1) / 2));
    }

    @Test
    void goJoinsOneHundredThousandGoroutines() {
        var wg = new WaitGroup();
        var count = new AtomicInteger();
        for (int i = 0; i < 100_000; i++) {
            wg.go(count::incrementAndGet);
        }
        wg.await();
        assertThat(count.get()).isEqualTo(100_000);
    }

    @Test
    @ResourceLock("go4j.panicPolicy")
    void goWithAThrowingTaskReachesTheHandlerAndStillCallsDoneInLibraryMode() throws Exception {
        var saved = Thread.getDefaultUncaughtExceptionHandler();
        var caught = new CompletableFuture<Throwable>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> caught.complete(e));
        try {
            var wg = new WaitGroup();
            wg.go(() -> {
                throw new IllegalStateException("task failed");
            });
            wg.await();
            assertThat(await(caught)).hasMessage("task failed");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(saved);
        }
    }

    @Test
    void interruptWhileWaitingThrowsInterruptedAndKeepsTheStatus() throws Exception {
        var wg = new WaitGroup();
        wg.add(1);
        var outcome = new CompletableFuture<Throwable>();
        var statusAfter = new AtomicReference<Boolean>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                wg.await();
                outcome.complete(null);
            } catch (Throwable t) {
                statusAfter.set(Thread.currentThread().isInterrupted());
                outcome.complete(t);
            }
        });
        awaitBlocked(waiter, WaitReason.SYNC_WAITGROUP_WAIT);
        waiter.interrupt();
        assertThat(await(outcome)).isInstanceOf(Interrupted.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(statusAfter.get()).isTrue();
        // The abandoned waiter does not disturb later waits.
        wg.done();
        wg.await();
        wg.add(1);
        go(wg::done);
        wg.await();
    }

    @Test
    void anInterruptedThreadMayStillAwaitAZeroCounterButNotBlock() {
        var wg = new WaitGroup();
        Thread.currentThread().interrupt();
        try {
            wg.await();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            wg.add(1);
            assertThatThrownBy(wg::await).isInstanceOf(Interrupted.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void goRejectsNull() {
        assertThatThrownBy(() -> new WaitGroup().go(null)).isInstanceOf(NullPointerException.class);
    }

    /** Many generations, each racing its last done() against fresh await() calls. */
    @Test
    void raceOfDoneAndAwaitOverManyGenerationsLosesNoWakeUp() throws Exception {
        var wg = new WaitGroup();
        for (int generation = 0; generation < 2_000; generation++) {
            wg.add(2);
            var finished = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                go(() -> {
                    wg.await();
                    finished.countDown();
                });
            }
            go(wg::done);
            go(wg::done);
            assertThat(finished.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("generation %d: a waiter was not woken", generation).isTrue();
        }
    }
}
