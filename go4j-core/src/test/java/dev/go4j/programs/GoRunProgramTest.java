package dev.go4j.programs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Go.run in child JVMs: the same reports as Go.main on standard error, the status returned, and the JVM (and the
 * next program) unharmed.
 */
class GoRunProgramTest {
    /** What the second program of each child prints. */
    private static final String NEXT = "next program's main is goroutine 1 of 1\nstatus 0\n";

    @Test
    void aDeadlockIsReportedAndReturnsTwo() throws Exception {
        var outcome = JavaProcess.run(RunPrograms.Deadlock.class);
        assertThat(outcome.exitStatus()).isZero();
        assertThat(outcome.stdout()).isEqualTo("status 2\n" + NEXT);
        assertThat(outcome.stderr())
                .startsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n")
                .contains("\ngoroutine 2 [chan receive]:\n");
    }

    @Test
    void aPanicIsReportedAndReturnsTwo() throws Exception {
        var outcome = JavaProcess.run(RunPrograms.PanicInGoroutine.class);
        assertThat(outcome.exitStatus()).isZero();
        assertThat(outcome.stdout()).isEqualTo("status 2\n" + NEXT);
        assertThat(outcome.stderr())
                .startsWith("panic: java.lang.IllegalArgumentException: bad argument in goroutine\n\n"
                        + "goroutine 2 [running]:\n\tat ")
                .doesNotContain("Interrupted", "Exception in thread");
    }

    @Test
    void aFatalErrorIsReportedAndReturnsTwo() throws Exception {
        var outcome = JavaProcess.run(RunPrograms.Fatal.class);
        assertThat(outcome.exitStatus()).isZero();
        assertThat(outcome.stdout()).isEqualTo("status 2\n" + NEXT);
        assertThat(outcome.stderr())
                .startsWith("fatal error: sync: unlock of unlocked mutex\n\ngoroutine 1 [running]:\n\tat ")
                .doesNotContain("Exception in thread");
    }

    @Test
    void exitReturnsItsStatus() throws Exception {
        var outcome = JavaProcess.run(RunPrograms.Exit.class);
        assertThat(outcome.exitStatus()).isZero();
        assertThat(outcome.stdout())
                .isEqualTo("before exit\nstatus 3\n" + NEXT);
        assertThat(outcome.stderr()).isEmpty();
    }
}
