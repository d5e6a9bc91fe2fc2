package dev.go4j.internal.jfr;

import dev.go4j.WaitReason;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * {@code dev.go4j.Deadlock}: go4j reported Go's {@code fatal error: all goroutines are asleep - deadlock!} and is
 * about to halt. go4j writes the recordings that have a file before it halts (see {@link Jfr#beforeHalt()}), so
 * this event is in them.
 */
@Name("dev.go4j.Deadlock")
@Label("Deadlock")
@Category("go4j")
@Description("Go's deadlock report: every goroutine of a Go.main program is asleep, and go4j halts the program")
@StackTrace(false)
final class DeadlockEvent extends Event {
    @Label("Goroutines")
    @Description("How many goroutines are asleep")
    final int goroutines;

    @Label("Main Wait Reason")
    @Description("Why the main goroutine waits, in Go's words; absent if go4j did not find it")
    final String mainWaitReason;

    @Label("Main Waiting On")
    @Description("What the main goroutine waits on: the primitive's text, as a goroutine dump shows it")
    final String mainWaitingOn;

    DeadlockEvent(int goroutines, String mainWaitReason, String mainWaitingOn) {
        this.goroutines = goroutines;
        this.mainWaitReason = mainWaitReason;
        this.mainWaitingOn = mainWaitingOn;
    }

    static void emit(int goroutines, WaitReason mainWaitReason, String mainWaitingOn) {
        new DeadlockEvent(goroutines, mainWaitReason == null ? null : mainWaitReason.toString(), mainWaitingOn)
                .commit();
    }
}
