package dev.go4j.internal.jfr;

import dev.go4j.WaitReason;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;

/**
 * The fields of go4j's events about one goroutine's wait (GoroutineBlocked, BlockedGoroutines, GoroutineLeak): who
 * waits, why, and on what, as a goroutine dump says it. JFR records the fields of an abstract event superclass in
 * each concrete event, and registers only the concrete ones.
 */
abstract class WaitEvent extends Event {
    @Label("Goroutine Id")
    @Description("The goroutine's id; 0 for a thread go4j did not start")
    long goroutineId;

    @Label("Wait Reason")
    @Description("Why it waits, in Go's words (chan receive, select, sync.Mutex.Lock...)")
    String waitReason;

    @Label("Waiting On")
    @Description("What it waits on: the primitive's text, as a goroutine dump shows it")
    String waitingOn;

    @Label("Channel")
    @Description("The debug names of the channels it waits on (Chan.named), comma-separated; absent if none")
    String channel;

    /** Sets the fields; a null reason leaves the wait reason absent. */
    final void describe(long goroutineId, WaitReason reason, String waitingOn, String channel) {
        this.goroutineId = goroutineId;
        this.waitReason = reason == null ? null : reason.toString();
        this.waitingOn = waitingOn;
        this.channel = channel;
    }
}
