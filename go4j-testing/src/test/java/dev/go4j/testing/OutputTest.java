package dev.go4j.testing;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.Fixtures.failureOf;
import static dev.go4j.testsupport.Fixtures.run;
import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.go4j.Go;
import dev.go4j.WaitReason;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.internal.Capture;
import dev.go4j.testsupport.Fixture;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.hierarchical.ExclusiveResource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/**
 * {@link Output} and {@link UnorderedOutput}, tested black-box: fixture classes (nested, run only through JUnit's
 * EngineTestKit) hold examples that pass or fail on purpose, and each test asserts the outcome JUnit reports.
 */
class OutputTest {

    @Test
    void matchingExamplesPass() {
        EngineExecutionResults results = run(selectClass(Passing.class));

        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6).failed(0));
    }

    @Test
    void wrongOutputFailsWithGoStyleGotAndWant() {
        Throwable failure = failureOf(selectMethod(Failing.class, "wrongLine"));

        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage("""
                got:
                hello
                goroutine says hi
                want:
                hello
                goroutine says bye""");
    }

    @Test
    void orderMattersForOutput() {
        Throwable failure = failureOf(selectMethod(Failing.class, "wrongOrder"));

        assertThat(failure).hasMessage("got:\nfirst\nsecond\nwant:\nsecond\nfirst");
    }

    @Test
    void wrongUnorderedOutputFailsWithWantUnordered() {
        Throwable failure = failureOf(selectMethod(Failing.class, "unorderedMissingLine"));

        assertThat(failure).isInstanceOf(AssertionFailedError.class)
                .hasMessage("got:\nb\na\nwant (unordered):\na\nb\nc");
    }

    @Test
    void unorderedOutputCountsRepeatedLines() {
        Throwable failure = failureOf(selectMethod(Failing.class, "unorderedRepeatedLine"));

        assertThat(failure).hasMessage("got:\nx\nx\ny\nwant (unordered):\nx\ny\ny");
    }

    @Test
    void emptyExpectationFailsWhenTheExamplePrints() {
        Throwable failure = failureOf(selectMethod(Failing.class, "notSilent"));

        assertThat(failure).hasMessage("got:\nnoise\nwant:\n");
    }

    @Test
    void anExceptionFromTheExampleIsTheFailureAndOutputIsNotCompared() {
        Throwable failure = failureOf(selectMethod(Failing.class, "throwsAfterPrinting"));

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void bothAnnotationsOnOneMethodAreRejected() {
        Throwable failure = failureOf(selectMethod(Failing.class, "bothAnnotations"));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("bothAnnotations: an example declares either @Output or @UnorderedOutput, not both");
    }

    @Test
    void lateOutputOfAFinishedExampleNeverLandsInTheNextOne() {
        LateOutput.reset();

        EngineExecutionResults results = run(selectClass(LateOutput.class));

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        // The late line was written after B's goroutine was released, while B ran: it went to A's closed capture.
        Capture aCapture = LateOutput.lateWritersCapture.get();
        assertThat(aCapture).isNotNull();
        assertThat(aCapture.dropped()).isEqualTo(LateOutput.LATE_LINE.length() + System.lineSeparator().length());
    }

    @Test
    void examplesHoldTheSystemOutLockReadWrite() {
        EngineExecutionResults results = run(selectClass(Passing.class));

        List<Event> started = results.testEvents().started().list();
        assertThat(started).hasSize(6);
        for (Event event : started) {
            Node<?> node = (Node<?>) event.getTestDescriptor();
            assertThat(node.getExclusiveResources())
                    .as(event.getTestDescriptor().getDisplayName())
                    .containsExactly(new ExclusiveResource("java.lang.System.out",
                            ExclusiveResource.LockMode.READ_WRITE));
        }
    }

    @Test
    void fixturesAreSkippedOutsideTheTestKit() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Failing.class))
                .execute();

        results.containerEvents().assertStatistics(stats -> stats.skipped(1));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void aParameterizedExampleIsCheckedInEachInvocationWithItsArgumentsInTheExpectation() {
        EngineExecutionResults results = run(selectClass(Parameterized.class));

        // 2 + 2 + 2 invocations run and pass; JUnit's extra plain run of each of the 3 methods is skipped.
        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6).failed(0).skipped(3));
        assertThat(results.testEvents().skipped().list()).allSatisfy(event -> assertThat(
                event.getPayload(String.class)).hasValue("an example that is a test template (@ParameterizedTest,"
                        + " @RepeatedTest…) runs as its invocations, and each one's output is checked"));
    }

    @Test
    void aParameterizedInvocationThatPrintsSomethingElseFailsAlone() {
        EngineExecutionResults results = run(selectMethod(ParameterizedFailing.class, "onlyA", "java.lang.String"));

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1).skipped(1));
        Throwable failure = results.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage("got:\nb\nwant:\na");
    }

    @Test
    void aTestFactoryCannotBeAnExample() {
        EngineExecutionResults results = run(selectMethod(ParameterizedFailing.class, "factory"));

        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents().failed().assertThatEvents().singleElement().satisfies(event -> assertThat(
                event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("factory: @TestFactory cannot be an example: the output of its dynamic tests is not"
                        + " checked; make each a method with @Output, or use @ParameterizedTest"));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Fixtures

    @Fixture
    static class Passing {
        @Output("""
                hello
                """)
        void simple() {
            System.out.println("hello");
        }

        @Output("""

                  indented line kept, trailing spaces ignored

                blank line above counts
                """)
        void trimmingAndLeniency() {
            System.out.print("\n\n  indented line kept, trailing spaces ignored   \r\n\nblank line above counts\t\n\n");
        }

        @Output("")
        void silent() {
        }

        @Output("""
                main
                child
                grandchild
                after
                """)
        void goroutinesAreCapturedTransitively() {
            System.out.println("main");
            var wg = new WaitGroup();
            wg.go(() -> {
                System.out.println("child");
                var inner = new WaitGroup();
                inner.go(() -> System.out.println("grandchild"));
                inner.await();
            });
            wg.await();
            System.out.println("after");
        }

        @Output("""
                from go
                from the executor
                """)
        void goAndTheExecutorAreCaptured() throws Exception {
            var done = new CountDownLatch(1);
            go(() -> {
                System.out.println("from go");
                done.countDown();
            });
            await(done);
            await(java.util.concurrent.CompletableFuture.runAsync(() -> System.out.println("from the executor"),
                    Go.executor()));
        }

        @UnorderedOutput("""
                3
                1
                2
                2
                """)
        void unorderedAcceptsAnyOrder() {
            var wg = new WaitGroup();
            for (String line : List.of("1", "2", "2", "3")) {
                wg.go(() -> System.out.println(line));
            }
            wg.await();
        }
    }

    @Fixture
    static class Failing {
        @Output("""
                hello
                goroutine says bye
                """)
        void wrongLine() {
            System.out.println("hello");
            var wg = new WaitGroup();
            wg.go(() -> System.out.println("goroutine says hi"));
            wg.await();
        }

        @Output("""
                second
                first
                """)
        void wrongOrder() {
            System.out.println("first");
            System.out.println("second");
        }

        @UnorderedOutput("""
                a
                b
                c
                """)
        void unorderedMissingLine() {
            System.out.println("b");
            System.out.println("a");
        }

        @UnorderedOutput("""
                x
                y
                y
                """)
        void unorderedRepeatedLine() {
            System.out.println("x");
            System.out.println("x");
            System.out.println("y");
        }

        @Output("")
        void notSilent() {
            System.out.println("noise");
        }

        @Output("x")
        void throwsAfterPrinting() {
            System.out.println("x");
            throw new IllegalStateException("boom");
        }

        @Output("a")
        @UnorderedOutput("a")
        void bothAnnotations() {
            System.out.println("a");
        }
    }

    @Fixture
    static class Parameterized {
        @ParameterizedTest
        @ValueSource(strings = {"a", "b"})
        @Output("got {0}")
        void echo(String s) {
            var wg = new WaitGroup();
            wg.go(() -> System.out.println("got " + s));
            wg.await();
        }

        @ParameterizedTest
        @CsvSource({"1, one", "2, two"})
        @UnorderedOutput("""
                {1}
                {0}
                """)
        void twoArguments(int n, String name) {
            System.out.println(n);
            System.out.println(name);
        }

        @RepeatedTest(2)
        @Output("repeated")
        void repeated() {
            System.out.println("repeated");
        }
    }

    @Fixture
    static class ParameterizedFailing {
        @ParameterizedTest
        @ValueSource(strings = {"a", "b"})
        @Output("a")
        void onlyA(String s) {
            System.out.println(s);
        }

        @TestFactory
        @Output("x")
        Stream<DynamicTest> factory() {
            return Stream.of(DynamicTest.dynamicTest("x", () -> System.out.println("x")));
        }
    }

    /**
     * Example A leaves a goroutine blocked on a gate; example B releases it and waits until it has printed, then
     * prints its own line. B's output must be exactly its own line.
     */
    @Fixture
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LateOutput {
        static final String LATE_LINE = "late line from example A's goroutine";
        static final AtomicReference<Capture> lateWritersCapture = new AtomicReference<>();
        private static WaitGroup gate;
        private static CountDownLatch printed;

        static void reset() {
            gate = new WaitGroup();
            gate.add(1);
            printed = new CountDownLatch(1);
            lateWritersCapture.set(null);
        }

        @Order(1)
        @Output("A")
        void a() {
            go(() -> {
                gate.await();
                System.out.println(LATE_LINE);
                lateWritersCapture.set(Capture.current());
                printed.countDown();
            });
            System.out.println("A");
        }

        @Order(2)
        @Output("B")
        void b() throws InterruptedException {
            Goroutines.awaitBlocked(gate, WaitReason.SYNC_WAITGROUP_WAIT, 1, TIMEOUT);
            gate.done();
            await(printed);
            System.out.println("B");
        }
    }
}
