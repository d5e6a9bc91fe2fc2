package dev.go4j.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leak report in Go.main programs, each in a child JVM with the flags on its command line: the classic leaks
 * are reported on both schedulers and nothing else is, nor any goroutine that something can still wake; the
 * goroutine count keeps them; without -Djdk.trackAllThreads=false the report names the flag; stacks and creators
 * with the debug flags; a deadlock after a leak is still reported.
 */
class LeakProgramTest {
    private static final String NO_TRACKING = "-Djdk.trackAllThreads=false";

    /** What ClassicLeaks prints: ids are fixed, as every goroutine is started by main in turn. */
    private static final String CLASSIC_REPORT = """
            fed goroutines reported while they waited: 0
            leaked: goroutine 2 [chan send] on chan "results", created in goroutine 1
            leaked: goroutine 3 [chan receive] on chan, created in goroutine 1
            leaked: goroutine 5 [sync.Mutex.Lock] on Mutex, created in goroutine 1
            fed goroutines reported: 0
            numGoroutine: 7
            leaked goroutines (blocked forever; the JVM has freed them):

            goroutine 2 [chan send (leaked), on "results"]:
            created by ? in goroutine 1

            goroutine 3 [chan receive (leaked)]:
            created by ? in goroutine 1

            goroutine 5 [sync.Mutex.Lock (leaked)]:
            created by ? in goroutine 1
            """;

    @Test
    void theClassicLeaksAreReportedOnGo4jsScheduler() throws Exception {
        var outcome = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, NO_TRACKING),
                LeakPrograms.ClassicLeaks.class, JavaProcess.TIMEOUT);
        assertThat(outcome.stderr()).isEmpty();
        assertThat(outcome.stdout()).isEqualTo(CLASSIC_REPORT);
        assertThat(outcome.exitStatus()).isZero();
    }

    @Test
    void theClassicLeaksAreReportedOnTheJdksScheduler() throws Exception {
        var outcome = JavaProcess.run(List.of(NO_TRACKING), LeakPrograms.ClassicLeaks.class, JavaProcess.TIMEOUT);
        assertThat(outcome.stderr()).isEmpty();
        assertThat(outcome.stdout()).isEqualTo(CLASSIC_REPORT);
    }

    /** What StillWakeable prints: no false positives, and every one of them could indeed still be woken. */
    private static final String STILL_WAKEABLE = """
            not reported: a static field
            not reported: a blocked goroutine's stack
            not reported: a platform thread's stack
            not reported: a live thread's ThreadLocal
            not reported: an afterFunc timer
            not reported: a context's deadline
            not reported: a timer it receives from
            not reported: the live case of its select
            woken: 8
            """;

    @Test
    void goroutinesSomethingCanStillWakeAreNeverReportedOnEitherScheduler() throws Exception {
        for (List<String> flags : List.of(List.of(JavaProcess.SCHEDULER_ACCESS, NO_TRACKING), List.of(NO_TRACKING))) {
            var outcome = JavaProcess.run(flags, LeakPrograms.StillWakeable.class, JavaProcess.TIMEOUT);
            assertThat(outcome.stderr()).as("flags %s", flags).isEmpty();
            assertThat(outcome.stdout()).as("flags %s", flags).isEqualTo(STILL_WAKEABLE);
            assertThat(outcome.exitStatus()).as("flags %s", flags).isZero();
        }
    }

    @Test
    void withoutTheJdkFlagTheReportThrowsNamingIt() throws Exception {
        var outcome = JavaProcess.run(LeakPrograms.ReportUnavailable.class);
        assertThat(outcome.stdout()).startsWith("the leak report needs -Djdk.trackAllThreads=false");
    }

    @Test
    void go4jLeaksFalseTurnsTheReportOff() throws Exception {
        var outcome = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, NO_TRACKING, "-Dgo4j.leaks=false"),
                LeakPrograms.ReportUnavailable.class, JavaProcess.TIMEOUT);
        assertThat(outcome.stdout()).isEqualTo("the leak report is off (-Dgo4j.leaks=false)\n");
    }

    @Test
    void theDebugFlagsKeepTheStackAndTheCreatingFrame() throws Exception {
        var outcome = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, NO_TRACKING,
                "-Dgo4j.debug.leakStacks=true", "-Dgo4j.debug.createdBy=true"),
                LeakPrograms.LeakWithStack.class, JavaProcess.TIMEOUT);
        assertThat(outcome.stdout())
                .startsWith("leaked goroutines (blocked forever; the JVM has freed them):\n\n"
                        + "goroutine 2 [chan send (leaked), on \"results\"]:\n"
                        + "\tat dev.go4j.programs.LeakScenarios.lambda$senderLeftBehindByATimeout$")
                .contains("\ncreated by dev.go4j.programs.LeakScenarios.senderLeftBehindByATimeout in goroutine 1\n"
                        + "\tat dev.go4j.programs.LeakScenarios.senderLeftBehindByATimeout(LeakScenarios.java:");
    }

    @Test
    void aDeadlockAfterALeakIsStillReported() throws Exception {
        var outcome = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, NO_TRACKING),
                LeakPrograms.LeakThenDeadlock.class, JavaProcess.TIMEOUT);
        assertThat(outcome.stdout()).isEqualTo("leaked: 1\n");
        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stderr())
                .startsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n")
                .contains("\nleaked goroutines (blocked forever; the JVM has freed them):\n\n"
                        + "goroutine 2 [chan send (leaked), on \"results\"]:\n");
    }
}
