package dev.go4j.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * go4j's JFR events in the file a child JVM writes with {@code -XX:StartFlightRecording:filename=…}, the flag on the
 * command line; and a go4j program that runs without module jdk.jfr.
 */
class JfrProgramTest {
    /** Module jdk.jfr left out: the JDK modules go4j-core requires, and no others. */
    private static final String WITHOUT_JFR = "--limit-modules=java.base,java.management,jdk.unsupported";

    @TempDir
    Path dir;

    @Test
    void aPanickingProgramWritesThePanicEvent() throws Exception {
        Path file = dir.resolve("panic.jfr");
        var outcome = runRecorded(JfrPrograms.PanicInMain.class, file);

        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stderr()).startsWith("panic: recorded boom\n");
        assertThat(events(file, "dev.go4j.Panic")).singleElement().satisfies(e -> {
            assertThat(e.getString("panic")).isEqualTo("recorded boom");
            assertThat(e.getLong("goroutineId")).isEqualTo(1);
            assertThat(e.getClass("exceptionClass").getName()).isEqualTo("dev.go4j.Panic");
            assertThat(e.getBoolean("fatalError")).isFalse();
            assertThat(e.getBoolean("endsProgram")).isTrue();
        });
    }

    /** The deadlock report halts, which skips JFR's shutdown hook: go4j writes the recording itself first. */
    @Test
    void aDeadlockedProgramWritesTheDeadlockEventBeforeItHalts() throws Exception {
        Path file = dir.resolve("deadlock.jfr");
        var outcome = runRecorded(JfrPrograms.DeadlockInMain.class, file);

        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stderr()).startsWith("fatal error: all goroutines are asleep - deadlock!\n\n"
                + "goroutine 1 [chan receive, on \"never\"]:\n");
        assertThat(events(file, "dev.go4j.Deadlock")).singleElement().satisfies(e -> {
            assertThat(e.getInt("goroutines")).isEqualTo(1);
            assertThat(e.getString("mainWaitReason")).isEqualTo("chan receive");
            assertThat(e.getString("mainWaitingOn")).startsWith("chan \"never\"");
        });
    }

    @Test
    void withoutModuleJdkJfrGo4jRunsWithItsEventsOff() throws Exception {
        var outcome = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, WITHOUT_JFR),
                JfrPrograms.ParkCloseAndPanic.class, JavaProcess.TIMEOUT);

        assertThat(outcome.stdout()).isEqualTo("jdk.jfr: false\ngot ball\n");
        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stderr()).startsWith("panic: done without jfr\n");
    }

    /** -XX:StartFlightRecording brings module jdk.jfr in by itself, even where the launch left it out. */
    @Test
    void startFlightRecordingAddsModuleJdkJfrAndGo4jRecords() throws Exception {
        Path file = dir.resolve("limited.jfr");
        var outcome = runRecorded(JfrPrograms.ParkCloseAndPanic.class, file, WITHOUT_JFR);

        assertThat(outcome.stdout()).contains("jdk.jfr: true\ngot ball\n");
        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(events(file, "dev.go4j.Panic")).singleElement()
                .satisfies(e -> assertThat(e.getString("panic")).isEqualTo("done without jfr"));
    }

    /** Runs {@code program} on go4j's scheduler with {@code options}, recording to {@code file} from the start. */
    private static JavaProcess.Outcome runRecorded(Class<?> program, Path file, String... options) throws Exception {
        List<String> jvm = new ArrayList<>(List.of(JavaProcess.SCHEDULER_ACCESS));
        jvm.addAll(List.of(options));
        jvm.add("-XX:StartFlightRecording:filename=" + file);
        return JavaProcess.run(jvm, program, JavaProcess.TIMEOUT);
    }

    private static List<RecordedEvent> events(Path file, String name) throws Exception {
        assertThat(file).as("the recording").isRegularFile();
        return RecordingFile.readAllEvents(file).stream().filter(e -> e.getEventType().getName().equals(name))
                .toList();
    }
}
