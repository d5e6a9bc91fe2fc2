package dev.go4j.testing;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.Fixtures.failureOf;
import static dev.go4j.testsupport.Fixtures.run;
import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.awaitCondition;
import static dev.go4j.testsupport.GoTesting.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.WaitReason;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.VerifyNoLeaks.When;
import dev.go4j.testsupport.Fixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.hierarchical.ExclusiveResource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link VerifyNoLeaks} and {@link LeakExtension}, black-box: fixture classes (run only through JUnit's
 * EngineTestKit) leave goroutines blocked on {@link #release} or not, and each test asserts what JUnit reports;
 * after each test, release is closed and its goroutines are waited for.
 */
class VerifyNoLeaksTest {
    /** What the fixtures' leaked goroutines wait for; a fresh channel for each test. */
    static Chan<Empty> release;
    private Leaks.Option before;

    @BeforeEach
    void freshRelease() {
        release = Chan.<Empty>make().named("release");
        before = Leaks.ignoreCurrent();
    }

    @AfterEach
    void releaseAndWaitForTheFixturesGoroutines() {
        release.close();
        Leaks.verifyNone(before, Leaks.grace(TIMEOUT));
    }

    /** Starts a goroutine that waits for release, and returns once it does. */
    static void leak() {
        startAndAwaitParked(() -> go(() -> release.receive()));
    }

    /** Runs {@code start}, which starts one goroutine that waits for release, and returns once it does. */
    static void startAndAwaitParked(Runnable start) {
        int waiting = Goroutines.countBlocked(release, WaitReason.CHAN_RECEIVE);
        start.run();
        Goroutines.awaitBlocked(release, WaitReason.CHAN_RECEIVE, waiting + 1, TIMEOUT);
    }

    /** Starts a goroutine and waits for its end. */
    static void noLeak() {
        var wg = new WaitGroup();
        wg.go(() -> { });
        wg.await();
    }

    private static Throwable failureOfContainer(EngineExecutionResults results) {
        List<Event> failed = results.containerEvents().failed().list();
        assertThat(failed).hasSize(1);
        return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    void aTestThatLeavesAGoroutineBlockedFailsWithItsDumpEntry() {
        Throwable failure = failureOf(selectMethod(PerTest.class, "leaks"));

        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("found unexpected goroutines (1), alive 50ms after the check began:\n\n"
                        + "goroutine ")
                .hasMessageContaining(" [chan receive, on \"release\"]:\n")
                .hasMessageContaining("\tat dev.go4j.testing.VerifyNoLeaksTest.lambda$leak$")
                .hasMessageContaining("\ncreated by dev.go4j.testing.VerifyNoLeaksTest.lambda$leak$");
    }

    @Test
    void aTestWhoseGoroutinesEndedPasses() {
        run(selectMethod(PerTest.class, "clean")).testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void onAClassEachTestIsCheckedForTheGoroutinesItStarted() {
        EngineExecutionResults results = run(selectClass(PerClass.class));

        // The first test's leak fails it alone: the second test's snapshot already has that goroutine.
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
        assertThat(results.testEvents().failed().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
                .containsExactly("leaks()", "nestedLeaks()");
    }

    @Test
    void afterAllChecksTheWholeClassOnceAfterItsTests() {
        EngineExecutionResults results = run(selectClass(WholeClass.class));

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(failureOfContainer(results)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("found unexpected goroutines (1), alive 50ms after the check began:");
    }

    @Test
    void goroutinesThatExistedBeforeTheTestAreNotReported() {
        leak();

        run(selectClass(LeakBeforeAll.class)).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        run(selectMethod(PerTest.class, "clean")).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void ignoreRulesOfTheAnnotationLeaveGoroutinesOut() {
        run(selectClass(Ignoring.class)).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    /**
     * The fixture's goroutine is released only once the check, which runs on this thread, is seen sleeping
     * between two looks: it ends within the grace period, and the test passes.
     */
    @Test
    void aGoroutineThatEndsWithinTheGracePeriodIsNoLeak() {
        Thread checker = Thread.currentThread();
        Thread releaser = Thread.ofPlatform().start(() -> {
            awaitCondition("the check waits for the goroutine", () -> LeaksTest.isPausingInVerifyNone(checker));
            release.send(Empty.VALUE);
        });

        run(selectMethod(PerTest.class, "leaksUntilReleased")).testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
        join(releaser);
    }

    @Test
    void theExtensionOnItsOwnChecksEachTestWithTheDefaults() {
        Throwable failure = failureOf(selectClass(ExtensionOnly.class));

        assertThat(failure).hasMessageStartingWith("found unexpected goroutines (1), alive 1s after the check began:");
    }

    @Test
    void afterAllOnAMethodIsAConfigurationError() {
        Throwable failure = failureOf(selectMethod(PerTest.class, "afterAllOnAMethod"));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage("afterAllOnAMethod:"
                + " @VerifyNoLeaks(when = AFTER_ALL) belongs on a class; on a test method use AFTER_EACH");
    }

    @Test
    void leakCheckedTestsRunAloneUnderParallelExecution() {
        EngineExecutionResults results = run(selectMethod(PerTest.class, "clean"));

        Node<?> node = (Node<?>) results.testEvents().started().list().get(0).getTestDescriptor();
        assertThat(node.getExclusiveResources()).containsExactly(new ExclusiveResource(ExclusiveResource.GLOBAL_KEY,
                ExclusiveResource.LockMode.READ_WRITE));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Fixtures

    @Fixture
    static class PerTest {
        @Test
        @VerifyNoLeaks(graceMillis = 50)
        void leaks() {
            leak();
        }

        @Test
        @VerifyNoLeaks
        void clean() {
            noLeak();
        }

        @Test
        @VerifyNoLeaks(graceMillis = 30_000)
        void leaksUntilReleased() {
            leak();
        }

        @Test
        @VerifyNoLeaks(when = When.AFTER_ALL)
        void afterAllOnAMethod() {
        }
    }

    @Fixture
    @VerifyNoLeaks(graceMillis = 50)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClass {
        @Test
        @Order(1)
        void leaks() {
            leak();
        }

        @Test
        @Order(2)
        void clean() {
            noLeak();
        }

        @Nested
        class Inner {
            @Test
            void nestedLeaks() {
                leak();
            }
        }
    }

    @Fixture
    @VerifyNoLeaks(when = When.AFTER_ALL, graceMillis = 50)
    static class WholeClass {
        @Test
        void leaks() {
            leak();
        }

        @Test
        void clean() {
            noLeak();
        }
    }

    /** A goroutine of {@code @BeforeAll} lives through the class: no test started it. */
    @Fixture
    @VerifyNoLeaks(graceMillis = 50)
    static class LeakBeforeAll {
        @BeforeAll
        static void startAServer() {
            leak();
        }

        @Test
        void clean() {
            noLeak();
        }
    }

    @Fixture
    @VerifyNoLeaks(graceMillis = 50,
            ignoreCreatedBy = "dev.go4j.testing.VerifyNoLeaksTest$Ignoring.startWorker",
            ignoreBlockedIn = "dev.go4j.testing.VerifyNoLeaksTest$Ignoring.parkHere")
    static class Ignoring {
        static void startWorker() {
            go(() -> release.receive());
        }

        static void parkHere() {
            release.receive();
        }

        @Test
        void createdByAnIgnoredFunction() {
            startAndAwaitParked(Ignoring::startWorker);
        }

        @Test
        void blockedInAnIgnoredFunction() {
            startAndAwaitParked(() -> go(() -> parkHere()));
        }
    }

    @Fixture
    @ExtendWith(LeakExtension.class)
    static class ExtensionOnly {
        @Test
        void leaks() {
            leak();
        }
    }
}
