package dev.go4j.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link TimerQueue}: due entries run in deadline order, a successful cancel means the action never runs (and
 * removes it from the middle of the heap), an entry due before the thread's planned wake-up wakes it, and a
 * failing action does not stop the clock thread.
 */
class TimerQueueTest {
    private static final long TIMEOUT_SECONDS = 30;
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    @Test
    void dueEntriesRunInDeadlineOrderAndCancelledOnesNever() throws Exception {
        long seed = new Random().nextLong();
        var random = new Random(seed);
        var queue = new TimerQueue();
        var gate = new Phaser(1); // awaitAdvance ignores interrupts, which nobody sends here
        var clockThreadBusy = new CountDownLatch(1);
        long base = System.nanoTime() - HOUR; // everything below is already due
        queue.schedule(base - 1, () -> {
            clockThreadBusy.countDown();
            gate.awaitAdvance(0);
        });
        assertThat(clockThreadBusy.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        // While the clock thread is held, fill the heap in random order and cancel a random half.
        var ran = new ConcurrentLinkedQueue<Long>();
        List<Long> deadlines = new ArrayList<>();
        List<Clock.Cancellable> handles = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long deadline = base + random.nextInt(1_000_000);
            deadlines.add(deadline);
            handles.add(queue.schedule(deadline, () -> ran.add(deadline)));
        }
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < deadlines.size(); i++) {
            if (random.nextBoolean()) {
                assertThat(handles.get(i).cancel()).as("seed %d", seed).isTrue();
                assertThat(handles.get(i).cancel()).as("second cancel").isFalse();
            } else {
                expected.add(deadlines.get(i));
            }
        }
        assertThat(queue.size()).isEqualTo(expected.size());
        var done = new CountDownLatch(1);
        queue.schedule(base + 2_000_000, done::countDown);
        gate.arrive();
        assertThat(done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        expected.sort(Comparator.naturalOrder());
        assertThat(ran).as("seed %d", seed).containsExactlyElementsOf(expected);
        assertThat(queue.size()).isZero();
        assertThat(handles.get(deadlines.indexOf(expected.get(0))).cancel()).as("cancel after running").isFalse();
    }

    @Test
    void anEntryDueBeforeThePlannedWakeUpWakesTheClockThread() throws Exception {
        var queue = new TimerQueue();
        queue.schedule(System.nanoTime() + HOUR, () -> {
            throw new AssertionError("the hour is not over");
        });
        awaitSleeping(queue);
        var fired = new CountDownLatch(1);
        long start = System.nanoTime();
        queue.schedule(start + TimeUnit.MILLISECONDS.toNanos(5), fired::countDown);
        assertThat(fired.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(5));
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void aFailingActionDoesNotStopTheClockThread() throws Exception {
        var queue = new TimerQueue();
        var reported = new CountDownLatch(1);
        var ranAfter = new CountDownLatch(1);
        queue.schedule(System.nanoTime(), () -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.countDown());
            throw new IllegalStateException("deliberate");
        });
        queue.schedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1), ranAfter::countDown);
        assertThat(reported.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(ranAfter.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitSleeping(TimerQueue queue) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!queue.sleeping()) {
            assertThat(System.nanoTime() - deadline).as("clock thread asleep").isNegative();
            Thread.yield();
        }
    }
}
