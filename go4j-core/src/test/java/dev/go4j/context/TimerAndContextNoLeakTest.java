package dev.go4j.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.internal.time.TimerHeap;
import dev.go4j.internal.context.ContextProbe;
import dev.go4j.time.Time;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Timers and deadlines do not accumulate: a million dropped {@code after(1h)} channels and a million cancelled
 * {@code withTimeout(1h)} contexts leave at most a thousand pending timers in the timer heap.
 */
class TimerAndContextNoLeakTest {
    @Test
    void droppedAfterChannelsAndCancelledDeadlinesLeaveTheScheduler() throws Exception {
        TimerHeap heap = TimerHeap.real();
        int before = heap.pending();
        CancelContext parent = Context.withCancel(Context.background());
        for (int i = 0; i < 1_000_000; i++) {
            Time.after(Duration.ofHours(1));
            Context.withTimeout(parent, Duration.ofHours(1)).cancel();
        }
        assertThat(ContextProbe.registeredChildren(parent)).isZero();
        for (int attempt = 0; attempt < 60 && heap.pending() > before + 1_000; attempt++) {
            System.gc();
            Thread.sleep(250); // nothing should be pending at all; this only gives a slow machine time
        }
        System.out.printf("TimerAndContextNoLeakTest: %d scheduler entries pending (%d before)%n",
                heap.pending(), before);
        assertThat(heap.pending()).isLessThanOrEqualTo(before + 1_000);
        parent.cancel();
    }
}
