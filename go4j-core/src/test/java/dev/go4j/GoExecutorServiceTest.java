package dev.go4j;

import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.testsupport.GoTesting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Go#newExecutorService()}: one goroutine per task, and the ExecutorService life cycle. */
class GoExecutorServiceTest {
    private static final long LONG = GoTesting.TIMEOUT.toNanos();

    @Test
    void tasksRunInGoroutinesThatShowInDumps() throws Exception {
        Chan<Empty> gate = Chan.<Empty>make().named("gate");
        try (ExecutorService executor = Go.newExecutorService()) {
            var name = executor.submit(() -> Thread.currentThread().getName());
            assertThat(name.get()).startsWith("goroutine ");
            executor.execute(gate::receive);
            awaitBlocked(gate, WaitReason.CHAN_RECEIVE, 1);
            var dump = new StringBuilder();
            Go.dump(dump);
            assertThat(dump).contains("[chan receive, on \"gate\"]");
            gate.close();
        }
    }

    @Test
    void shutdownLetsRunningTasksFinishAndRejectsNewOnes() throws Exception {
        Chan<Empty> gate = Chan.make();
        ExecutorService executor = Go.newExecutorService();
        var finished = new CountDownLatch(1);
        executor.execute(() -> {
            gate.receive();
            finished.countDown();
        });
        awaitBlocked(gate, WaitReason.CHAN_RECEIVE, 1);
        executor.shutdown();
        assertThat(executor.isShutdown()).isTrue();
        assertThat(executor.isTerminated()).isFalse();
        assertThat(executor.awaitTermination(0, TimeUnit.NANOSECONDS)).isFalse();
        assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        gate.close();
        assertThat(executor.awaitTermination(LONG, TimeUnit.NANOSECONDS)).isTrue();
        assertThat(executor.isTerminated()).isTrue();
        await(finished);
    }

    @Test
    void awaitTerminationWaitsInGo4jAndEndsWhenTheLastTaskDoes() throws Exception {
        Chan<Empty> gate = Chan.make();
        ExecutorService executor = Go.newExecutorService();
        executor.execute(gate::receive);
        executor.shutdown();
        var terminated = new CompletableFuture<Object>();
        awaitingTermination(executor, terminated);
        gate.close();
        assertThat(await(terminated)).isEqualTo(true);
    }

    @Test
    void anInterruptedAwaitTerminationThrowsInterruptedException() throws Exception {
        Chan<Empty> gate = Chan.make();
        ExecutorService executor = Go.newExecutorService();
        executor.execute(gate::receive);
        executor.shutdown();
        var outcome = new CompletableFuture<Object>();
        awaitingTermination(executor, outcome).interrupt();
        assertThat(await(outcome)).isInstanceOf(InterruptedException.class);
        gate.close();
        assertThat(executor.awaitTermination(LONG, TimeUnit.NANOSECONDS)).isTrue();
    }

    /**
     * Starts a platform thread that calls awaitTermination and completes {@code outcome} with its result or its
     * InterruptedException; returns the thread once it waits.
     */
    private static Thread awaitingTermination(ExecutorService executor, CompletableFuture<Object> outcome) {
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                outcome.complete(executor.awaitTermination(LONG, TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                outcome.complete(e);
            }
        });
        awaitBlocked(waiter, WaitReason.SYNC_WAITGROUP_WAIT);
        return waiter;
    }

    @Test
    void shutdownNowInterruptsRunningTasks() throws Exception {
        Chan<Empty> never = Chan.make();
        ExecutorService executor = Go.newExecutorService();
        var interrupted = new AtomicInteger();
        int tasks = 10;
        for (int i = 0; i < tasks; i++) {
            executor.execute(() -> {
                try {
                    never.receive();
                } catch (Interrupted e) {
                    interrupted.incrementAndGet();
                }
            });
        }
        awaitBlocked(never, WaitReason.CHAN_RECEIVE, tasks);
        assertThat(executor.shutdownNow()).isEmpty();
        assertThat(executor.awaitTermination(LONG, TimeUnit.NANOSECONDS)).isTrue();
        assertThat(interrupted).hasValue(tasks);
    }

    /**
     * Every task accepted runs to its end, or is interrupted, exactly once, and every rejected one never runs,
     * while submitters race with shutdownNow; awaitTermination then sees all of them finished.
     */
    @Test
    void everyAcceptedTaskIsCountedUnderShutdownNow() throws Exception {
        long seed = new Random().nextLong();
        var random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            ExecutorService executor = Go.newExecutorService();
            var accepted = new AtomicInteger();
            var ran = new AtomicInteger();
            var ended = new AtomicInteger();
            int submitters = 4;
            int perSubmitter = 200;
            int stopAfter = random.nextInt(submitters * perSubmitter);
            var go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < submitters; s++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    GoTesting.await(go);
                    for (int i = 0; i < perSubmitter; i++) {
                        try {
                            executor.execute(() -> {
                                ran.incrementAndGet();
                                try {
                                    Go.sleep(Duration.ofMillis(1)); // still running when shutdownNow interrupts
                                } catch (Interrupted e) {
                                    // shutdownNow
                                } finally {
                                    ended.incrementAndGet();
                                }
                            });
                            if (accepted.incrementAndGet() == stopAfter) {
                                executor.shutdownNow();
                            }
                        } catch (RejectedExecutionException e) {
                            return;
                        }
                    }
                }));
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            executor.shutdownNow();
            assertThat(executor.awaitTermination(LONG, TimeUnit.NANOSECONDS)).as("seed %d", seed).isTrue();
            assertThat(ran.get()).as("seed %d", seed).isEqualTo(accepted.get());
            assertThat(ended.get()).as("seed %d", seed).isEqualTo(accepted.get());
        }
    }
}
