package dev.go4j.examples.diagnostics;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Go;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Lesson: record a go4j program with the JDK Flight Recorder, then read the recording. go4j emits JFR events in
 * category {@code go4j}: a goroutine that waited longer than a threshold ({@code dev.go4j.GoroutineBlocked}, 20 ms
 * by default, with its wait reason, the channel it waited on and the stack of the blocking call), a channel closed
 * ({@code dev.go4j.ChannelClosed}), a panic, Go's deadlock report, and a periodic list of the goroutines that are
 * stuck ({@code dev.go4j.BlockedGoroutines}). They cost nothing while no recording runs.
 *
 * <p>The program here forgot to start its workers: main queues two jobs, waits 50 ms for a result that cannot come,
 * gives up and closes the job queue. The recording says what happened without a single print statement in the
 * program: main waited 50 ms in a select on {@code "results"}, and {@code "jobs"} was closed with both jobs still
 * in it. Channels carry the names given with {@link Chan#named}, which is what makes such events readable.
 *
 * <p>The lesson starts the recording in-process with {@link Recording} and reads it back with
 * {@link RecordingFile}; only fields that the program decides are printed (no times, no ids). It sets the
 * threshold of {@code GoroutineBlocked} to zero, so that every wait is recorded: an event's duration is the time
 * the goroutine was parked, which on a busy machine may be shorter than the 50 ms select by more than the default
 * threshold's margin (the first use of a class, the first event, happen before it parks). From outside,
 * without touching the code, the same recording comes from the command line, and the JDK's {@code jfr} tool prints
 * it:
 *
 * {@snippet lang=shell :
 * java -XX:StartFlightRecording:filename=go4j.jfr,+dev.go4j.GoroutineBlocked#threshold=10ms ... Main
 * jfr print --events dev.go4j.GoroutineBlocked go4j.jfr
 * jfr summary go4j.jfr | grep dev.go4j
 * }
 *
 * <p>The {@code +} adds a setting that the configuration ({@code default.jfc}) does not have; go4j's events are in
 * no JDK configuration, so each of their settings on the command line takes one. {@code ChannelClosed} is off
 * unless a recording enables it (programs close a channel per request): the lesson enables it, as
 * {@code +dev.go4j.ChannelClosed#enabled=true} does on the command line.
 *
 * {@snippet :
 * try (var recording = new Recording()) {
 *     recording.enable("dev.go4j.GoroutineBlocked").withThreshold(Duration.ofMillis(10));
 *     recording.start();
 *     // ... the program ...
 *     recording.stop();
 *     recording.dump(file); // then: jfr print --events dev.go4j.GoroutineBlocked file
 * }
 * }
 */
public final class FlightRecording {
    /** How long main waits for a result. */
    static final Duration PATIENCE = Duration.ofMillis(50);
    /** The file the lesson writes, in the temporary directory. */
    static final String FILE_NAME = "go4j-tour.jfr";

    private FlightRecording() {
    }

    /**
     * Runs the lesson as a Go program, recording to {@value #FILE_NAME} in the temporary directory.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> run(Path.of(System.getProperty("java.io.tmpdir"))));
    }

    /** Records the program, writes the recording into {@code dir} and prints what it holds. */
    static void run(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        try (var recording = new Recording()) {
            recording.enable("dev.go4j.GoroutineBlocked").withThreshold(Duration.ZERO); // every wait, for the lesson
            recording.enable("dev.go4j.ChannelClosed");
            recording.start();
            forgetfulProgram();
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        events.stream().filter(e -> e.getEventType().getName().equals("dev.go4j.GoroutineBlocked"))
                .filter(e -> "results".equals(e.getString("channel")))
                .map(e -> "dev.go4j.GoroutineBlocked: [" + e.getString("waitReason") + "] on \""
                        + e.getString("channel") + "\", timed " + e.getBoolean("timed"))
                .distinct() // a wait that a spurious wake-up splits is two events
                .forEach(System.out::println);
        events.stream().filter(e -> e.getEventType().getName().equals("dev.go4j.ChannelClosed"))
                .filter(e -> "jobs".equals(e.getString("channel")))
                .map(e -> "dev.go4j.ChannelClosed: \"" + e.getString("channel") + "\", capacity "
                        + e.getInt("capacity") + ", still buffered " + e.getInt("buffered") + ", receivers woken "
                        + e.getInt("receiversWoken"))
                .forEach(System.out::println);
        System.out.println("recorded to " + FILE_NAME + "; print it with the JDK's jfr tool:");
        System.out.println("  jfr print --events dev.go4j.GoroutineBlocked,dev.go4j.ChannelClosed " + FILE_NAME);
        System.err.println("(" + FILE_NAME + " is in " + dir + ")");
    }

    /** Queues two jobs for workers it never starts, waits for a result in vain, then closes the queue. */
    static void forgetfulProgram() {
        Chan<String> jobs = Chan.<String>make(3).named("jobs");
        Chan<String> results = Chan.<String>make().named("results");
        jobs.send("resize a.png");
        jobs.send("resize b.png");
        // ... the go(worker) calls were forgotten here ...
        boolean done = select(PATIENCE, onReceive(results, r -> System.out.println("result: " + r)));
        if (!done) {
            System.out.println("no result within " + PATIENCE.toMillis() + " ms");
        }
        jobs.close();
    }
}
