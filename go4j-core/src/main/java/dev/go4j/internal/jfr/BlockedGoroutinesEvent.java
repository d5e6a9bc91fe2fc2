package dev.go4j.internal.jfr;

import dev.go4j.WaitReason;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.SettingDefinition;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * {@code dev.go4j.BlockedGoroutines}: a periodic snapshot of the goroutines blocked in go4j for at least
 * {@code minimumWait} (1 s unless the recording says otherwise), one event per goroutine, taken from go4j's
 * registry without stopping anyone. The period defaults to {@code everyChunk}: a snapshot where each chunk of the
 * recording begins and ends, so a recording dumped or stopped after a hang says who was stuck, and for how long;
 * a period such as {@code 1 s} gives a time series instead. Each snapshot walks every live goroutine.
 */
@Name("dev.go4j.BlockedGoroutines")
@Label("Blocked Goroutines")
@Category("go4j")
@Description("A periodic snapshot of the goroutines blocked in go4j for at least minimumWait, one event each")
@Period("everyChunk")
@StackTrace(false)
final class BlockedGoroutinesEvent extends WaitEvent {
    @Label("Waiting Time")
    @Description("How long the goroutine has waited so far")
    @Timespan(Timespan.NANOSECONDS)
    long waitingTime;

    /** The setting {@code minimumWait}: JFR calls it when the event is committed, with the combined value. */
    @Name("minimumWait")
    @Label("Minimum Wait")
    @Description("Lists only goroutines that have waited at least this long")
    @SettingDefinition
    boolean minimumWait(MinimumWait setting) {
        return waitingTime >= setting.currentNanos();
    }

    static void emit(long goroutineId, WaitReason reason, long waitedNanos, String waitingOn, String channel) {
        var event = new BlockedGoroutinesEvent();
        event.describe(goroutineId, reason, waitingOn, channel);
        event.waitingTime = waitedNanos;
        event.commit();
    }
}
