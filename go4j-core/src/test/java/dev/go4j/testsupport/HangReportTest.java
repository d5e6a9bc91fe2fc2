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
        return Fixtures.failureOf(Fixtures.kit()
                .enableImplicitConfigurationParameters(true) // junit-platform.properties, as in the build
                .configurationParameter(HangReport.PRINT_PARAMETER, "false") // the hangs here are no news
                .selectors(selectMethod(fixture, method))
                .execute());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Fixtures

    /** Leaves a goroutine blocked in a receive on a gate until the test is over. */
    abstract static class Gated {
        private final Chan<String> gate = Chan.make();

        /**
         * Blocks the calling thread in {@code WaitGroup.await} for the goroutine blocked on the gate, until the
         * thread is interrupted (it throws {@link Interrupted}).
         */
        void hang() {
            var wg = new WaitGroup();
            wg.go(gate::receive);
            wg.await();
        }

        @AfterEach
        void releaseTheGoroutine() {
            gate.close();
        }
    }

    @Fixture
    static class Hangs extends Gated {
        @Test
        @Timeout(value = 500, unit = TimeUnit.MILLISECONDS)
        void waitsForAGoroutineThatWaitsForever() {
            hang();
        }
    }

    @Fixture
    static class HangsBeforeEach extends Gated {
        @BeforeEach
        @Timeout(value = 500, unit = TimeUnit.MILLISECONDS)
        void setUp() {
            hang();
        }

        @Test
        void neverRuns() {
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
