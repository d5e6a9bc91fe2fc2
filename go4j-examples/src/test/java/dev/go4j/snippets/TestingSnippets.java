package dev.go4j.snippets;

import static dev.go4j.Go.go;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.Interrupted;
import dev.go4j.WaitReason;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Goroutines;
import dev.go4j.testing.Output;
import dev.go4j.testing.UnorderedOutput;
import dev.go4j.testsupport.GoTesting;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of package {@code dev.go4j.testing} (and of {@code WaitReason}, which tests use through it). */
class TestingSnippets {
    @Test
    void awaitBlocked() {
        // @start region="goroutines"
        var wg = new WaitGroup();
        wg.add(1);
        Thread waiter = Thread.ofVirtual().start(wg::await);
        // @start region="await-blocked"
        Goroutines.awaitBlocked(waiter, WaitReason.SYNC_WAITGROUP_WAIT, Duration.ofSeconds(10));
        // @end region="await-blocked"
        wg.done(); // the waiter was certainly waiting when done() ran
        // @end region="goroutines"
        GoTesting.join(waiter);
        assertThat(Goroutines.countBlocked(wg, WaitReason.SYNC_WAITGROUP_WAIT)).isZero();
    }

    @Output("the stuck goroutine's await() threw Interrupted")
    void blockedOn() throws InterruptedException {
        var gate = new WaitGroup();
        gate.add(1);
        go(() -> {
            try {
                gate.await();
            } catch (Interrupted e) {
                System.out.println("the stuck goroutine's await() threw Interrupted");
            }
        });
        Duration timeout = GoTesting.TIMEOUT;
        // @start region="blocked-on"
        Goroutines.awaitBlocked(gate, WaitReason.SYNC_WAITGROUP_WAIT, 1, timeout);
        for (Thread stuck : Goroutines.blockedOn(gate, WaitReason.SYNC_WAITGROUP_WAIT)) {
            stuck.interrupt(); // its await() throws Interrupted
            stuck.join();
        }
        // @end
    }

    @Nested
    // @start region="output"
    class HelloTest {
        @Output("""
                hello from a goroutine
                main is done
                """)
        void hello() {
            var wg = new WaitGroup();
            wg.go(() -> System.out.println("hello from a goroutine"));
            wg.await();
            System.out.println("main is done");
        }
    }
    // @end

    @Nested
    // @start region="unordered-output"
    class ConcurrentGreetingsTest {
        @UnorderedOutput("""
                hello from 1
                hello from 2
                hello from 3
                """)
        void greetings() {
            var wg = new WaitGroup();
            for (int i = 1; i <= 3; i++) {
                int n = i;
                wg.go(() -> System.out.println("hello from " + n));
            }
            wg.await();
        }
    }
    // @end

    @Nested
    // @start region="parameterized"
    class SquaresTest {
        @ParameterizedTest
        @CsvSource({"2, 4", "3, 9"})
        @Output("{0} squared is {1}")                 // checked in each invocation, with its arguments
        void square(int n, int expected) {
            Chan<Integer> result = Chan.make();
            go(() -> result.send(n * n));
            System.out.println(n + " squared is " + result.receive());
        }
    }
    // @end

    // @start region="example-extension"
    @Output("hello")                              // registers ExampleExtension through @ExtendWith
    void hello() {
        System.out.println("hello");
    }
    // @end
}
