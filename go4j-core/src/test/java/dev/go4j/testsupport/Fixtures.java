package dev.go4j.testsupport;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs {@link Fixture} classes through JUnit's EngineTestKit, for the tests of go4j's test machinery. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The Jupiter engine's test kit with fixtures enabled; only explicit configuration parameters count. */
    public static EngineTestKit.Builder kit() {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(Fixture.PARAMETER, "true");
    }

    /** Runs what {@code selector} selects with the {@link #kit()}. */
    public static EngineExecutionResults run(DiscoverySelector selector) {
        return kit().selectors(selector).execute();
    }

    /** Runs one fixture test that must fail, and returns what it failed with. */
    public static Throwable failureOf(DiscoverySelector selector) {
        return failureOf(run(selector));
    }

    /** Asserts that {@code results} hold one test, started and failed, and returns what it failed with. */
    public static Throwable failureOf(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        return results.testEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow())
                .map(result -> result.getThrowable().orElseThrow())
                .findFirst()
                .orElseThrow();
    }
}
