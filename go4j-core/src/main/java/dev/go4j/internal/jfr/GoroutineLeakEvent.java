package dev.go4j.internal.jfr;

import dev.go4j.WaitReason;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * {@code dev.go4j.GoroutineLeak}: go4j's leak report proved a goroutine blocked forever (nothing that could wake
 * it was reachable any more). The leak report emits it through {@link Jfr#goroutineLeak}; it runs after the fact,
 * so the event carries no stack trace of the goroutine, only what the report kept.
 */
@Name("dev.go4j.GoroutineLeak")
@Label("Goroutine Leak")
@Category("go4j")
@Description("The leak report proved that a goroutine was blocked forever")
@StackTrace(false)
final class GoroutineLeakEvent extends WaitEvent {
    @Label("Blocked For")
    @Description("How long it had been blocked when the leak was found")
    @Timespan(Timespan.NANOSECONDS)
    long blockedFor;

    @Label("Created By")
    @Description("Where the goroutine was started, as its dump's created-by line says")
    String createdBy;

    static void emit(long goroutineId, WaitReason reason, String waitingOn, String channel, long blockedNanos,
            String createdBy) {
        var event = new GoroutineLeakEvent();
        event.describe(goroutineId, reason, waitingOn, channel);
        event.blockedFor = blockedNanos;
        event.createdBy = createdBy;
        event.commit();
    }
}
