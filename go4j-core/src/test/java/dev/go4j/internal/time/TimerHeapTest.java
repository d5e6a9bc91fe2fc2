package dev.go4j.internal.time;

import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.internal.clock.Clock;
import dev.go4j.time.Time;
import java.time.Duration;
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
 * {@link TimerHeap} and {@link TimerCore}'s func timers: due timers run in due order, a successful stop means the
 * function never runs (and takes it out of the middle of the heap, lazily), a timer due before the runner's
 * planned wake-up wakes it, a failing function does not stop the runner, stopped timers do not pile up, a
 * channel timer is in the heap only while a goroutine waits on it, and the warm-up that Go.main waits for ends.
 */
class TimerHeapTest {
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private static TimerHeap newHeap() {
        return new TimerHeap(Clock.current(), "go4j-clock (test)");
    }

    @Test
    void dueTimersRunInDueOrderAndStoppedOnesNever() throws Exception {
        long seed = new Random().nextLong();
        var random = new Random(seed);
        TimerHeap heap = newHeap();
        var gate = new Phaser(1); // awaitAdvance ignores interrupts, which nobody sends here
        var runnerBusy = new CountDownLatch(1);
        TimerCore.funcTimer(heap, 0, () -> {
            runnerBusy.countDown();
            gate.awaitAdvance(0);
        });
        await(runnerBusy);

        // While the runner is held, fill the heap in random order and stop a random half.
        var ran = new ConcurrentLinkedQueue<Integer>();
        List<TimerCore> timers = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long delay = TimeUnit.MILLISECONDS.toNanos(20) + random.nextInt(1_000_000);
            int index = i;
            timers.add(TimerCore.funcTimer(heap, delay, () -> ran.add(index)));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < timers.size(); i++) {
            if (random.nextBoolean()) {
                assertThat(timers.get(i).stop()).as("seed %d", seed).isTrue();
                assertThat(timers.get(i).stop()).as("second stop").isFalse();
            } else {
                expected.add(i);
            }
        }
        assertThat(heap.pending()).isEqualTo(expected.size());
        long allDue = Clock.current().nanoTime() + TimeUnit.MILLISECONDS.toNanos(40);
        var done = new CountDownLatch(1);
        TimerCore.funcTimer(heap, TimeUnit.MILLISECONDS.toNanos(60), done::countDown);
        while (Clock.current().nanoTime() - allDue < 0) {
            Thread.sleep(1); // every timer above is due before the runner is let go
        }
        gate.arrive();
        await(done);

        assertThat(ran).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(expected);
        List<Long> dueInRunOrder = ran.stream().map(i -> timers.get(i).when - allDue).toList();
        assertThat(dueInRunOrder).as("seed %d: due times in the order the timers ran", seed)
                .isSortedAccordingTo(Comparator.naturalOrder()); // timers due at the same instant run in any order
        assertThat(heap.pending()).isZero();
        assertThat(timers.get(expected.get(0)).stop()).as("stop after running").isFalse();
    }

    @Test
    void aTimerDueBeforeThePlannedWakeUpWakesTheRunner() throws Exception {
        TimerHeap heap = newHeap();
        TimerCore.funcTimer(heap, HOUR, () -> {
            throw new AssertionError("the hour is not over");
        });
        awaitCondition("runner asleep", heap::sleeping);
        var fired = new CountDownLatch(1);
        long start = System.nanoTime();
        TimerCore.funcTimer(heap, TimeUnit.MILLISECONDS.toNanos(5), fired::countDown);
        await(fired);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(5));
        assertThat(heap.pending()).isEqualTo(1);
    }

    @Test
    void aFailingFunctionDoesNotStopTheRunner() throws Exception {
        TimerHeap heap = newHeap();
        var reported = new CountDownLatch(1);
        var ranAfter = new CountDownLatch(1);
        TimerCore.funcTimer(heap, 0, () -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.countDown());
            throw new IllegalStateException("deliberate");
        });
        TimerCore.funcTimer(heap, TimeUnit.MILLISECONDS.toNanos(1), ranAfter::countDown);
        await(reported);
        await(ranAfter);
    }

    /** Go's timerZombie: a stopped timer is only marked, and the marks are swept before they pile up. */
    @Test
    void stoppedTimersAreSweptBeforeTheyPileUp() {
        TimerHeap heap = newHeap();
        for (int i = 0; i < 100_000; i++) {
            TimerCore.funcTimer(heap, HOUR, () -> { }).stop();
        }
        assertThat(heap.pending()).isZero();
        assertThat(heap.size()).as("zombies in the heap").isLessThan(1_000);
    }

    /** Go 1.23: a channel timer is in the heap only while a goroutine is blocked on its channel. */
    @Test
    void aChannelTimerIsHeapedOnlyWhileSomeoneWaits() throws Exception {
        TimerHeap heap = TimerHeap.real();
        int before = heap.pending();
        var channels = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            channels.add(Time.after(Duration.ofHours(1)));
        }
        assertThat(heap.pending()).as("nobody waits: nothing heaped").isEqualTo(before);
        var timer = Time.newTimer(Duration.ofMillis(20));
        timer.c().receive(); // parks: the timer must be heaped to wake it
        assertThat(heap.pending()).as("after the wait").isEqualTo(before);
        assertThat(channels).hasSize(1_000);
    }

    /**
     * The warm-up that Go.main waits for has started the real-time heap's runner and is over when awaitWarmUp
     * returns (its thread then ends), and a second call returns at once.
     */
    @Test
    void warmUpStartsTheRealTimeRunnerAndEnds() {
        TimerHeap.awaitWarmUp();
        assertThat(TimerHeap.warmUpDone()).isTrue();
        assertThat(TimerHeap.real().runner().isAlive()).isTrue();
        awaitCondition("the warm-up thread ended", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(TimerHeap::isWarmUpThread));
        TimerHeap.awaitWarmUp();
    }
}
