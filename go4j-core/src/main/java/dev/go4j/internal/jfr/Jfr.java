package dev.go4j.internal.jfr;

import dev.go4j.WaitReason;

/*
 * Implementation notes.
 *
 * The switch of go4j's JFR events and the one door to them. Emitters test on() - one volatile read of a static
 * field, false unless a recording is running - and only then call one of the methods below, which hand plain
 * values to the event classes. This class names no jdk.jfr type in a signature, a field or a local, so it loads,
 * links and answers on() even where module jdk.jfr is missing; the classes that use jdk.jfr (RecorderWatch, the
 * event classes, MinimumWait) are loaded only by the initializer below once jdk.jfr has been found readable, or
 * after on() has said true.
 *
 * on is written by RecorderWatch, on the thread that starts, stops or closes a recording (JFR notifies its
 * listeners before Recording.start returns), and read racily by every emitter: an emitter that reads a stale true
 * finds the event disabled in the event class's own check (a wasted call); one that reads a stale false around a
 * recording's start misses an event that the recording could not have been sure to get anyway.
 *
 * Install: the class initializer registers RecorderWatch with FlightRecorder.addListener if jdk.jfr is readable
 * from this class's module (always on the class path; on the module path only if jdk.jfr was resolved, see
 * module-info). That costs about 1.5 ms and starts no thread and no recorder (measured on JDK 25: JFR stays
 * uninitialised until someone records). Park's initializer names the periodic event's source here, so the switch
 * is installed as soon as go4j's park path is, and a recording started later (jcmd JFR.start, in-process) still
 * sees the goroutines parked before it. A failure to install leaves go4j's events off and says nothing (no
 * logging in core).
 */

/** The switch of go4j's JFR events and their entry points; see the implementation notes. */
public final class Jfr {
    /** True while at least one recording runs. Written by RecorderWatch only (volatile); read racily by emitters. */
    private static volatile boolean on;
    /** Whether RecorderWatch is registered with the Flight Recorder. Final after the initializer. */
    private static final boolean INSTALLED = install();

    private Jfr() {
    }

    private static boolean install() {
        Module jfr = ModuleLayer.boot().findModule("jdk.jfr").orElse(null);
        if (jfr == null || !Jfr.class.getModule().canRead(jfr)) {
            return false;
        }
        try {
            RecorderWatch.install();
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false; // JFR unusable here (no native support, a security manager...): go4j's events stay off
        }
    }

    /**
     * True while a JFR recording runs: the one check every emitter makes before calling any other method of this
     * class. False for good when module jdk.jfr is absent or unreadable.
     */
    public static boolean on() {
        return on;
    }

    static void setOn(boolean running) {
        on = running;
    }

    // ---- The park path (dev.go4j.internal.park). ----

    /**
     * Begins a {@code dev.go4j.GoroutineBlocked} event for a wait that starts now.
     *
     * @param reason the wait's reason; null (a runtime lock, not a Go wait) never gets an event
     * @return the begun event, to end when the wait is over; null if no recording wants the event
     */
    public static BlockedWait waitBegins(WaitReason reason) {
        return reason == null ? null : GoroutineBlockedEvent.beginIfWanted();
    }

    /**
     * Names the source of the periodic {@code dev.go4j.BlockedGoroutines} event: a walk of the goroutine registry
     * that calls {@link #blockedGoroutine} for each goroutine blocked at least {@link #minimumWaitNanos()}. Park
     * names it once, in its initializer.
     */
    public static void blockedGoroutines(Runnable source) {
        if (INSTALLED) {
            RecorderWatch.source = source;
        }
    }

    /** The shortest wait the periodic {@code dev.go4j.BlockedGoroutines} event lists now (its minimumWait). */
    public static long minimumWaitNanos() {
        return MinimumWait.nanos();
    }

    /**
     * Emits one {@code dev.go4j.BlockedGoroutines} event: a goroutine blocked right now.
     *
     * @param goroutineId the goroutine's id, 0 for a thread go4j did not start
     * @param reason why it waits
     * @param waitedNanos how long it has waited so far
     * @param waitingOn the primitive's text, or null
     * @param channel the debug names of the channels it waits on, or null
     */
    public static void blockedGoroutine(long goroutineId, WaitReason reason, long waitedNanos, String waitingOn,
            String channel) {
        BlockedGoroutinesEvent.emit(goroutineId, reason, waitedNanos, waitingOn, channel);
    }

    // ---- Channels (dev.go4j.internal.chan). ----

    /**
     * Emits a {@code dev.go4j.ChannelClosed} event for a close that just happened.
     *
     * @param name the channel's debug name, or null
     * @param identity the channel's identity as its {@code toString()} shows it ({@code chan@1b6d3586})
     * @param capacity its buffer's capacity
     * @param buffered how many elements were still buffered at the close
     * @param receiversWoken how many waiting receivers the close woke
     * @param sendersWoken how many waiting senders the close woke (each panics: send on closed channel)
     */
    public static void channelClosed(String name, String identity, int capacity, int buffered, int receiversWoken,
            int sendersWoken) {
        ChannelClosedEvent.emit(name, identity, capacity, buffered, receiversWoken, sendersWoken);
    }

    // ---- Programs (dev.go4j.internal.runtime). ----

    /**
     * Emits a {@code dev.go4j.Panic} event for a failure that escaped a goroutine.
     *
     * @param goroutineId the goroutine it escaped, 0 for a thread go4j did not start
     * @param text Go's text of the panic value (the message of go4j's panics)
     * @param exception the exception's class
     * @param fatalError whether it is Go's fatal error (a {@code FatalError}) rather than a panic
     * @param endsProgram whether go4j ends the process for it (the EXIT policy) rather than handing it to the
     *     thread's uncaught-exception handler
     */
    public static void panic(long goroutineId, String text, Class<?> exception, boolean fatalError,
            boolean endsProgram) {
        PanicEvent.emit(goroutineId, text, exception, fatalError, endsProgram);
    }

    /**
     * Emits a {@code dev.go4j.Deadlock} event for Go's deadlock report.
     *
     * @param goroutines how many goroutines are asleep
     * @param mainWaitReason why the main goroutine waits, or null if go4j did not find it waiting
     * @param mainWaitingOn what it waits on (the primitive's text), or null
     */
    public static void deadlock(int goroutines, WaitReason mainWaitReason, String mainWaitingOn) {
        DeadlockEvent.emit(goroutines, mainWaitReason, mainWaitingOn);
    }

    /**
     * Writes the running recordings that have a destination before go4j halts the JVM (a deadlock report, a fatal
     * error). {@code Runtime.halt} skips the shutdown hooks, and JFR writes a recording's file in one
     * ({@code -XX:StartFlightRecording:filename=…}); so go4j stops those recordings itself, which writes them,
     * with the report's events in them. Recordings without a destination (in-process ones, streams) are left
     * alone.
     */
    public static void beforeHalt() {
        RecorderWatch.stopRecordingsWithDestination();
    }

    // ---- The leak report (dev.go4j.internal.diag). ----

    /**
     * Emits a {@code dev.go4j.GoroutineLeak} event: the leak report has proven that a goroutine was blocked
     * forever. The leak report calls it once per leaked goroutine, after {@link #on()} said true:
     *
     * <pre>{@code
     * if (Jfr.on()) {
     *     Jfr.goroutineLeak(id, reason, waitingOn, channel, blockedNanos, createdBy);
     * }
     * }</pre>
     *
     * @param goroutineId the leaked goroutine's id
     * @param reason why it was blocked, or null if unknown
     * @param waitingOn what it was blocked on (the primitive's text), or null
     * @param channel the debug names of the channels it waited on, or null
     * @param blockedNanos how long it had been blocked when the leak was found (0 if unknown)
     * @param createdBy where it was started ({@code Class.method in goroutine N}), or null
     */
    public static void goroutineLeak(long goroutineId, WaitReason reason, String waitingOn, String channel,
            long blockedNanos, String createdBy) {
        GoroutineLeakEvent.emit(goroutineId, reason, waitingOn, channel, blockedNanos, createdBy);
    }
}
