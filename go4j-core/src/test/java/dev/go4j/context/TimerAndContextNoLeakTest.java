package dev.go4j.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.context.ContextProbe;
import dev.go4j.time.Time;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Timers and deadlines do not accumulate: a million dropped {@code after(1h)} channels and a million cancelled
 * {@code withTimeout(1h)} contexts leave (after a GC) at most a thousand entries in the clock's scheduler.
 */
class TimerAndContextNoLeakTest {
    @Test
    void droppedAfterChannelsAndCancelledDeadlinesLeaveTheScheduler() throws Exception {
        Clock clock = Clock.current();
        int before = clock.pendingScheduled();
        CancelContext parent = Context.withCancel(Context.background());
        for (int i = 0; i < 1_000_000; i++) {
            Time.after(Duration.ofHours(1));
            Context.withTimeout(parent, Duration.ofHours(1)).cancel();
        }
        assertThat(ContextProbe.registeredChildren(parent)).isZero();
        for (int attempt = 0; attempt < 60 && clock.pendingScheduled() > before + 1_000; attempt++) {
            System.gc();
            Thread.sleep(250); // the Cleaner thread cancels the entries of collected channels
        }
        System.out.printf("TimerAndContextNoLeakTest: %d scheduler entries pending (%d before)%n",
                clock.pendingScheduled(), before);
        assertThat(clock.pendingScheduled()).isLessThanOrEqualTo(before + 1_000);
        parent.cancel();
    }
}
