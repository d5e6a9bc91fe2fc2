package dev.go4j.internal.park;

import dev.go4j.WaitReason;
import dev.go4j.internal.jfr.BlockedWait;
import dev.go4j.internal.jfr.Jfr;
import java.util.List;

/*
 * Implementation notes.
 *
 * The park path's side of go4j's JFR events (dev.go4j.internal.jfr), kept out of Park and G so that those pay one
 * check of Jfr.on() and nothing else when no recording runs.
 *
 * GoroutineBlocked: Park.park begins the event before it parks (only if a recording wants it) and calls
 * waitEnded in its finally block, on the goroutine's own thread, with the wait's reason, primitive and timed flag
 * (its own arguments). What the goroutine waited on is described only for the waits that passed the threshold.
 * One event per park: a wait that Waiter.await resumes after a spurious wake-up shows as two.
 *
 * BlockedGoroutines: reportBlocked is the periodic event's source, run on JFR's periodic thread. It walks the
 * registry as a goroutine dump does (G.all copies it stripe by stripe; no goroutine is stopped) and reads each G's
 * record with opaque reads; a G that wakes meanwhile may be listed with the wait it just ended, as a dump may show
 * it.
 */

/** The park path's JFR events; see the implementation notes. */
final class ParkEvents {
    private ParkEvents() {
    }

    /**
     * Ends {@code event}, begun when {@code g} parked with {@code reason} on {@code primitive}, and records it if it
     * passed the threshold.
     */
    static void waitEnded(BlockedWait event, G g, WaitReason reason, Object primitive, boolean timed) {
        if (event.ended()) {
            event.record(g.id, reason, describe(primitive), channelNames(primitive), timed);
        }
    }

    /** Emits one BlockedGoroutines event per goroutine blocked for at least the event's minimumWait. */
    static void reportBlocked() {
        long minimum = Jfr.minimumWaitNanos();
        for (G g : G.all()) {
            WaitReason reason = g.waitReason();
            Object on = g.waitingOn();
            if (reason == null || !g.isBlocked()) {
                continue;
            }
            long waited = g.waitedNanos();
            if (waited >= minimum) {
                Jfr.blockedGoroutine(g.id(), reason, waited, describe(on), channelNames(on));
            }
        }
    }

    /** The text of what a goroutine waits on, as GoroutineInfo.waitingOn gives it; null for nothing. */
    static String describe(Object primitive) {
        return primitive == null ? null : primitive.toString();
    }

    /** The debug names of the channels {@code primitive} is or waits on, comma-separated; null if none. */
    private static String channelNames(Object primitive) {
        List<String> names = DebugNamed.namesOf(primitive);
        return names.isEmpty() ? null : String.join(", ", names);
    }
}
