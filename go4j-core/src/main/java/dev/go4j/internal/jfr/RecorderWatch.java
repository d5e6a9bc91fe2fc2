package dev.go4j.internal.jfr;

import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/*
 * Implementation notes.
 *
 * go4j's listener on the Flight Recorder. JFR calls recorderInitialized once, when the recorder starts (or at once
 * from addListener if it has started already), on the thread that starts it, and recordingStateChanged on the thread
 * that starts, stops or closes a recording, in both cases before that call returns and with none of the recorder's
 * locks held but its class monitor (PlatformRecorder.class) during recorderInitialized.
 *
 * recorderInitialized registers go4j's events (so that settings by name reach them and tools list them), keeps
 * GoroutineBlocked's EventType for the park path's enabled check, sets Jfr's switch, and last registers the
 * periodic hook, which from then on JFR's periodic thread may call while it holds the recorder's monitor (at a
 * chunk's end). The hook therefore touches nothing whose initialisation could wait for that monitor: it reads the
 * source field of this class (whose initialiser does nothing), and the source, Park's walk of the registry, is
 * stored only after Jfr's initialiser has finished.
 *
 * The switch: on means "some recording is RUNNING". Two threads changing recordings at once may each compute it
 * from a different list; so each writes its answer and reads the list again until the answer holds. After the
 * last change every notifier has checked the final list, so the switch ends equal to it.
 *
 * Event classes must not call JFR in their static initialisers: FlightRecorder.register holds the metadata
 * repository's monitor while it initialises the class, and a goroutine initialising the class that waited for that
 * monitor would deadlock with it. Hence the type field written from here.
 */

/** go4j's FlightRecorderListener; see the implementation notes. */
final class RecorderWatch implements FlightRecorderListener {
    /** go4j's concrete event classes, registered when the recorder starts. */
    private static final List<Class<? extends Event>> EVENTS = List.of(GoroutineBlockedEvent.class,
            BlockedGoroutinesEvent.class, ChannelClosedEvent.class, PanicEvent.class, DeadlockEvent.class,
            GoroutineLeakEvent.class);
    /** The periodic event's source, or null; written once by Jfr.blockedGoroutines (volatile). */
    static volatile Runnable source;
    /** Whether recorderInitialized has run; JFR calls it once per listener, so a plain field read by it alone. */
    private boolean initialized;

    private RecorderWatch() {
    }

    /** Registers the listener; JFR calls recorderInitialized at once if a recording has started already. */
    static void install() {
        FlightRecorder.addListener(new RecorderWatch());
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        if (initialized) {
            return;
        }
        initialized = true;
        for (Class<? extends Event> event : EVENTS) {
            FlightRecorder.register(event);
        }
        GoroutineBlockedEvent.type = EventType.getEventType(GoroutineBlockedEvent.class);
        update(recorder);
        FlightRecorder.addPeriodicEvent(BlockedGoroutinesEvent.class, RecorderWatch::periodic);
    }

    @Override
    public void recordingStateChanged(Recording recording) {
        update(FlightRecorder.getFlightRecorder());
    }

    private static void update(FlightRecorder recorder) {
        boolean running;
        do {
            running = anyRunning(recorder);
            Jfr.setOn(running);
        } while (running != anyRunning(recorder));
    }

    private static boolean anyRunning(FlightRecorder recorder) {
        for (Recording r : recorder.getRecordings()) {
            if (r.getState() == RecordingState.RUNNING) {
                return true;
            }
        }
        return false;
    }

    /** The periodic hook of dev.go4j.BlockedGoroutines, on JFR's periodic thread. */
    private static void periodic() {
        Runnable s = source;
        if (s != null) {
            s.run();
        }
    }

    /** Stops every running recording that has a destination, which writes it there; see Jfr.beforeHalt. */
    static void stopRecordingsWithDestination() {
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            if (r.getState() == RecordingState.RUNNING && r.getDestination() != null) {
                try {
                    r.stop();
                } catch (RuntimeException e) {
                    // the JVM is about to halt: a recording that cannot be written is lost, as it would be anyway
                }
            }
        }
    }
}
