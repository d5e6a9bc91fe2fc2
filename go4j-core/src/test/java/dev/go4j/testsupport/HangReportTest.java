package dev.go4j.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.go4j.Chan;
import dev.go4j.Interrupted;
import dev.go4j.sync.WaitGroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@link HangReport}, black-box: fixture tests that hang on purpose run through JUnit's EngineTestKit with the
 * configuration every go4j test runs with ({@code junit-platform.properties}, from which JUnit's extension
 * auto-detection finds HangReport), and each test asserts what the failure says.
 */
class HangReportTest {
    @Test
    void aTimedOutTestFailsWithEveryGoroutineItsWaitReasonAndItsStack() {
        Throwable failure = failureOf(Hangs.class, "waitsForAGoroutineThatWaitsForever");

        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("waitsForAGoroutineThatWaitsForever() timed out after 500 milliseconds")
                .hasMessageContaining("\ngoroutines: ")
                .hasMessageContaining("live (Go.numGoroutine); wait reasons, other threads included: ")
                // the goroutine, what it waits on, and its stack
                .hasMessageMatching("(?s).*\ngoroutine \\d+ \\[chan receive\\] on .+, thread state WAITING\n"
                        + "    at .*\\.receive\\(.*")
                // the test's own thread, parked in go4j as well
                .hasMessageMatching(
                        "(?s).*\nthread .+ \\[sync\\.WaitGroup\\.Wait\\] on .+, thread state WAITING\n.*");
        // JUnit's report stays the cause: its TimeoutException, with what the interrupted test threw.
        assertThat(failure.getCause()).isInstanceOf(TimeoutException.class)
                .hasMessage(failure.getMessage().lines().findFirst().orElseThrow());
        assertThat(failure.getCause().getSuppressed()).singleElement().isInstanceOf(Interrupted.class);
    }

    @Test
    void aTimedOutLifecycleMethodFailsTheSameWay() {
        Throwable failure = failureOf(HangsBeforeEach.class, "neverRuns");

        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("timed out after 500 milliseconds")
                .hasMessageMatching("(?s).*\ngoroutine \\d+ \\[chan receive\\] on .+, thread state WAITING\n.*");
        assertThat(failure.getCause()).isInstanceOf(TimeoutException.class);
    }

    @Test
    void aTimeoutExceptionOfTheTestsOwnGetsTheDumpToo() {
        Throwable failure = failureOf(Fails.class, "onABareFutureTimeout");

        assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("\ngoroutines: ")
                .cause().isInstanceOf(TimeoutException.class);
    }

    @Test
    void otherFailuresPassUnchanged() {
        Throwable failure = failureOf(Fails.class, "plainly");

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("plain failure").hasNoCause();
    }

    /** Runs one fixture test that must fail, as the build would run it, and returns what it failed with. */
    private static Throwable failureOf(Class<?> fixture, String method) {
        var results = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(true) // junit-platform.properties, as in the build
                .configurationParameter(Fixture.PARAMETER, "true")
                .configurationParameter(HangReport.PRINT_PARAMETER, "false") // the hangs here are no news
                .selectors(selectMethod(fixture, method))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        return results.testEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow())
                .map(result -> result.getThrowable().orElseThrow())
                .findFirst()
                .orElseThrow();
    }

    /**
     * Blocks the calling thread in {@code WaitGroup.await} for a goroutine blocked in a receive on {@code gate},
     * until the thread is interrupted (it throws {@link Interrupted}) or the gate is closed.
     */
    static void hangOn(Chan<String> gate) {
        var wg = new WaitGroup();
        wg.go(gate::receive);
        wg.await();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Fixtures

    @Fixture
    static class Hangs {
        private final Chan<String> gate = Chan.make();

        @Test
        @Timeout(value = 500, unit = TimeUnit.MILLISECONDS)
        void waitsForAGoroutineThatWaitsForever() {
            hangOn(gate);
        }

        @AfterEach
        void releaseTheGoroutine() {
            gate.close();
        }
    }

    @Fixture
    static class HangsBeforeEach {
        private final Chan<String> gate = Chan.make();

        @BeforeEach
        @Timeout(value = 500, unit = TimeUnit.MILLISECONDS)
        void setUp() {
            hangOn(gate);
        }

        @Test
        void neverRuns() {
        }

        @AfterEach
        void releaseTheGoroutine() {
            gate.close();
        }
    }

    @Fixture
    static class Fails {
        @Test
        void onABareFutureTimeout() throws Exception {
            new CompletableFuture<String>().get(1, TimeUnit.MILLISECONDS);
        }

        @Test
        void plainly() {
            throw new IllegalStateException("plain failure");
        }
    }
}
