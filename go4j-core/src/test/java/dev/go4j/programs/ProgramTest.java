package dev.go4j.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The exit rules of a Go.main program, each checked in a child JVM. */
class ProgramTest {
    @Test
    void mainReturningEndsTheProgramWhateverOtherGoroutinesDo() throws Exception {
        var outcome = JavaProcess.run(Programs.MainReturnsWhileOthersRun.class);
        assertThat(outcome.exitStatus()).isZero();
        assertThat(outcome.stdout()).isEqualTo("main done\n");
        assertThat(outcome.stderr()).isEmpty();
        // "Promptly": far less than the hour the sleeper sleeps; the bound is generous for a loaded CI machine.
        assertThat(outcome.elapsed()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void exitEndsTheProgramAtOnceWithItsStatus() throws Exception {
        var outcome = JavaProcess.run(Programs.ExitThree.class);
        assertThat(outcome.exitStatus()).isEqualTo(3);
        assertThat(outcome.stdout()).isEqualTo("before exit\n");
    }

    @Test
    void exceptionInMainPrintsGoPanicReportAndExitsTwo() throws Exception {
        var outcome = JavaProcess.run(Programs.PanicInMain.class);
        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stdout()).isEqualTo("working\n");
        assertThat(outcome.stderr())
                .startsWith("panic: something bad happened\n\ngoroutine 1 [running]:\n\tat ")
                .contains("Programs$PanicInMain")
                .contains("Caused by: java.lang.IllegalStateException: the cause");
    }

    @Test
    void exceptionInAnotherGoroutineNamesItAndExitsTwo() throws Exception {
        var outcome = JavaProcess.run(Programs.PanicInGoroutine.class);
        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr())
                .startsWith("panic: java.lang.IllegalArgumentException: bad argument in goroutine\n\n"
                        + "goroutine 2 [running]:\n\tat ");
        String report = outcome.stderr();
        assertThat(report).doesNotContain("dev.go4j.internal.", "java.lang.VirtualThread", "\n\ngoroutine 1 [");
        String lambda = Pattern.quote(Programs.PanicInGoroutine.class.getName()) + "\\.lambda\\$main\\$\\d+";
        assertThat(report).containsPattern("\ncreated by " + lambda + " in goroutine 1\n$");
    }

    @Test
    void withCreatedByOnTheReportNamesTheFrameThatCalledGo() throws Exception {
        var outcome = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, "-Dgo4j.debug.createdBy=true"),
                Programs.PanicInGoroutine.class, JavaProcess.TIMEOUT);
        assertThat(outcome.exitStatus()).isEqualTo(2);
        String lambda = Pattern.quote(Programs.PanicInGoroutine.class.getName()) + "\\.lambda\\$main\\$\\d+";
        assertThat(outcome.stderr()).containsPattern(
                "\ncreated by " + lambda + " in goroutine 1\n\tat " + lambda + "\\(Programs\\.java:\\d+\\)\n$");
    }

    @Test
    void tracebackAllAppendsEveryOtherGoroutine() throws Exception {
        var outcome = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, "-Dgo4j.traceback=all"),
                Programs.PanicInGoroutine.class, JavaProcess.TIMEOUT);
        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("\n\ngoroutine 1 [sleep]:\n");
    }

    @Test
    void tracebackNonePrintsTheHeadlineOnly() throws Exception {
        var outcome = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, "-Dgo4j.traceback=none"),
                Programs.PanicInGoroutine.class, JavaProcess.TIMEOUT);
        assertThat(outcome.stderr()).isEqualTo("panic: java.lang.IllegalArgumentException: bad argument in goroutine\n");
    }

    @Test
    void fatalErrorPrintsFatalReportAndHaltsWithoutRunningFinally() throws Exception {
        var outcome = JavaProcess.run(Programs.FatalAtRaise.class);
        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stdout()).doesNotContain("finally ran");
        assertThat(outcome.stderr())
                .startsWith("fatal error: sync: unlock of unlocked mutex\n\ngoroutine 1 [running]:\n\tat ");
    }

    @Test
    void fatalErrorEscapingAGoroutineIsReportedAsFatal() throws Exception {
        var outcome = JavaProcess.run(Programs.FatalEscapes.class);
        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stderr())
                .startsWith("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [running]:\n");
    }
}
