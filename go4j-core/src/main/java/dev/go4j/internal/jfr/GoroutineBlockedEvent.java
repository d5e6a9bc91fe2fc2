package dev.go4j.internal.jfr;

import dev.go4j.WaitReason;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * {@code dev.go4j.GoroutineBlocked}: a goroutine waited in go4j (a channel, a select, a lock, a sleep…) for at
 * least the threshold, 20 ms unless the recording says otherwise, as {@code jdk.VirtualThreadPinned}. Its duration
 * is the wait's; the goroutine commits it itself as it wakes, with the stack trace of the blocking call.
 */
@Name("dev.go4j.GoroutineBlocked")
@Label("Goroutine Blocked")
@Category("go4j")
@Description("A goroutine waited in go4j (channel, select, lock, sleep...) for at least the threshold")
@Threshold("20 ms")
@StackTrace(true)
final class GoroutineBlockedEvent extends WaitEvent implements BlockedWait {
    /**
     * This event's type once RecorderWatch has registered it, else null: its isEnabled() keeps a recording that
     * does not want the event from paying an allocation per park. Written once, by RecorderWatch (volatile).
     */
    static volatile EventType type;

    @Label("Timed")
    @Description("Whether the wait had a deadline (a timeout, a sleep)")
    boolean timed;

    /** A begun event if a recording wants it, else null. */
    static BlockedWait beginIfWanted() {
        EventType t = type;
        if (t == null || !t.isEnabled()) {
            return null;
        }
        var event = new GoroutineBlockedEvent();
        event.begin();
        return event;
    }

    @Override
    public boolean ended() {
        end();
        return shouldCommit();
    }

    @Override
    public void record(long goroutineId, WaitReason reason, String waitingOn, String channel, boolean timed) {
        describe(goroutineId, reason, waitingOn, channel);
        this.timed = timed;
        commit();
    }
}
