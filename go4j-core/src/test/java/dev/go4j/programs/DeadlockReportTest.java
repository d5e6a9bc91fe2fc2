package dev.go4j.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Go's deadlock report under Go.main (DeadlockDetector), in child JVMs on go4j's scheduler: every deadlocked
 * program is reported with Go's exact text and status 2, and no program that can still wake up is. The second
 * kind runs with -Dgo4j.debug.deadlock=true, so the test can wait until the detector has looked at the sleeping
 * program and declined, before the program wakes up (or the test wakes it).
 */
class DeadlockReportTest {
    private static final String HEADLINE = "fatal error: all goroutines are asleep - deadlock!";
    private static final String DECLINED = "no deadlock report";
    private static final List<String> DEBUG = List.of(JavaProcess.SCHEDULER_ACCESS, "-Dgo4j.debug.deadlock=true");

    static List<Arguments> deadlocked() {
        return List.of(
                Arguments.of(DeadlockPrograms.Receive.class, "chan receive"),
                Arguments.of(DeadlockPrograms.Send.class, "chan send"),
                Arguments.of(DeadlockPrograms.NilChannel.class, "chan receive (nil chan)"),
                Arguments.of(DeadlockPrograms.EmptySelect.class, "select (no cases)"),
                Arguments.of(DeadlockPrograms.WaitGroupWait.class, "sync.WaitGroup.Wait"),
                Arguments.of(DeadlockPrograms.MutexRelock.class, "sync.Mutex.Lock"),
                Arguments.of(DeadlockPrograms.UnobservedTimer.class, "chan receive"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deadlocked")
    void aDeadlockedMainIsReportedAsGoDoes(Class<?> program, String mainWaitReason) throws Exception {
        var outcome = JavaProcess.run(program);
        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stderr().lines().limit(3))
                .containsExactly(HEADLINE, "", "goroutine 1 [" + mainWaitReason + "]:");
        assertThat(outcome.stdout()).isEmpty();
    }

    @Test
    void aDeadlockAmongGoroutinesListsEveryGoroutine() throws Exception {
        var outcome = JavaProcess.run(DeadlockPrograms.AmongGoroutines.class);
        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stderr().lines().limit(3))
                .containsExactly(HEADLINE, "", "goroutine 1 [sync.WaitGroup.Wait]:");
        List<String> headers = outcome.stderr().lines().filter(l -> l.startsWith("goroutine ")).toList();
        assertThat(headers).hasSize(3);
        assertThat(headers.get(1)).matches("goroutine \\d+ \\[chan (send|receive), on \"p[io]ng\"\\]:");
        assertThat(headers.get(2)).matches("goroutine \\d+ \\[chan (send|receive), on \"p[io]ng\"\\]:");
        assertThat(outcome.stderr()).contains("created by ").contains(" in goroutine 1\n");
    }

    @Test
    void aContextDeadlineKeepsMainAliveUntilItPasses() throws Exception {
        var outcome = JavaProcess.run(DeadlockPrograms.AfterContextDeadline.class);
        assertThat(outcome.stdout()).isEqualTo("deadline passed: context deadline exceeded\n");
        assertThat(outcome.exitStatus()).isEqualTo(2);
        assertThat(outcome.stderr()).startsWith(HEADLINE + "\n\ngoroutine 1 [chan receive]:\n");
        assertThat(outcome.elapsed()).isGreaterThanOrEqualTo(DeadlockPrograms.QUIET);
    }

    static List<Class<?>> wakeUpByThemselves() {
        return List.of(
                DeadlockPrograms.Sleeper.class,
                DeadlockPrograms.SelectWithTimeout.class,
                DeadlockPrograms.Future.class,
                DeadlockPrograms.FromStage.class,
                DeadlockPrograms.SocketRead.class,
                DeadlockPrograms.ForeignVirtualThread.class,
                DeadlockPrograms.ForeignVirtualThreadParkedInGo4j.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wakeUpByThemselves")
    void aProgramThatWillWakeUpIsNotReported(Class<?> program) throws Exception {
        JavaProcess.Running running = JavaProcess.start(DEBUG, program);
        running.process().getOutputStream().close();
        running.awaitStderrLine(DECLINED);
        var outcome = running.await(JavaProcess.TIMEOUT);
        assertThat(outcome.stderr()).doesNotContain(HEADLINE);
        assertThat(outcome.exitStatus()).isZero();
        assertThat(outcome.stdout()).endsWith("done\n");
    }

    @Test
    void aPlatformThreadOfTheProgramMayStillWakeMain() throws Exception {
        JavaProcess.Running running = JavaProcess.start(DEBUG, DeadlockPrograms.PlatformThreadWakes.class);
        running.awaitStderrLine("platform thread \"Thread-"); // the reader, not go4j-jmx registering the MBean
        try (var in = running.process().getOutputStream()) {
            in.write("hello\n".getBytes(StandardCharsets.UTF_8));
        }
        var outcome = running.await(JavaProcess.TIMEOUT);
        assertThat(outcome.stderr()).doesNotContain(HEADLINE);
        assertThat(outcome.stdout()).isEqualTo("got hello\ndone\n");
        assertThat(outcome.exitStatus()).isZero();
    }

    @Test
    void aShutdownHookThatClosesTheChannelKeepsMainAlive() throws Exception {
        JavaProcess.Running running = JavaProcess.start(DEBUG, DeadlockPrograms.ShutdownHookCloses.class);
        running.process().getOutputStream().close();
        running.awaitStderrLine("shutdown hook");
        running.terminate(); // SIGTERM: the JVM runs the hook
        var outcome = running.await(JavaProcess.TIMEOUT);
        assertThat(outcome.stderr()).doesNotContain(HEADLINE);
        assertThat(outcome.stdout()).contains("hook closed the channel");
        assertThat(outcome.exitStatus()).isEqualTo(143); // 128 + SIGTERM
    }

    @Test
    void aSignalChannelKeepsMainAliveAndReceivesTheSignal() throws Exception {
        JavaProcess.Running running = JavaProcess.start(DEBUG, DeadlockPrograms.SignalNotify.class);
        running.process().getOutputStream().close();
        running.awaitStderrLine("external waker");
        running.terminate(); // SIGTERM, relayed to the channel
        var outcome = running.await(JavaProcess.TIMEOUT);
        assertThat(outcome.stderr()).doesNotContain(HEADLINE);
        assertThat(outcome.stdout()).isEqualTo("got TERM\ndone\n");
        assertThat(outcome.exitStatus()).isZero();
    }

    @Test
    void onTheJdksSchedulerTheReportIsOffUnlessAskedFor() throws Exception {
        var off = JavaProcess.run(List.of(), DeadlockPrograms.DetectorPresence.class, JavaProcess.TIMEOUT);
        assertThat(off.stdout()).isEqualTo("scheduler JDK, detector false\n");
        // Opting in needs the access too: without it go4j cannot read the shutdown hooks, and never reports.
        var on = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, "-Dgo4j.scheduler=jdk", "-Dgo4j.deadlock=on"),
                DeadlockPrograms.Receive.class, JavaProcess.TIMEOUT);
        assertThat(on.exitStatus()).isEqualTo(2);
        assertThat(on.stderr()).startsWith(HEADLINE + "\n\ngoroutine 1 [chan receive]:\n");
    }

    @Test
    void offMeansOff() throws Exception {
        var on = JavaProcess.run(DeadlockPrograms.DetectorPresence.class);
        assertThat(on.stdout()).isEqualTo("scheduler GO4J, detector true\n");
        var off = JavaProcess.run(List.of(JavaProcess.SCHEDULER_ACCESS, "-Dgo4j.deadlock=off"),
                DeadlockPrograms.DetectorPresence.class, JavaProcess.TIMEOUT);
        assertThat(off.stdout()).isEqualTo("scheduler GO4J, detector false\n");
    }
}
