package dev.go4j.snippets;

import static dev.go4j.Go.go;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.WaitReason;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Goroutines;
import dev.go4j.testing.LeakExtension;
import dev.go4j.testing.Leaks;
import dev.go4j.testing.Output;
import dev.go4j.testing.VerifyNoLeaks;
import dev.go4j.testsupport.GoTesting;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The examples of go4j-testing's leak check: {@code Leaks}, {@code @VerifyNoLeaks}, {@code LeakExtension}. */
class LeaksSnippets {
    @Output("""
            found unexpected goroutines (1), alive 100ms after the check began:
            goroutine N [chan receive]:
            """)
    void verifyNone() {
        Chan<String> jobs = Chan.make();
        // @start region="verify-none"
        Leaks.Option earlier = Leaks.ignoreCurrent(); // the goroutines of earlier tests do not count
        go(() -> jobs.receive());                     // waits for a job that never comes: a leak
        AssertionError leak = assertThrows(AssertionError.class,
                () -> Leaks.verifyNone(earlier, Leaks.grace(Duration.ofMillis(100))));
        // @end
        leak.getMessage().lines().limit(3).filter(line -> !line.isEmpty())
                .forEach(line -> System.out.println(line.replaceFirst("^goroutine \\d+ ", "goroutine N ")));
        jobs.close();
        Leaks.verifyNone(earlier);
    }

    @Test
    void options() {
        Chan<Empty> stop = Chan.make();
        // @start region="options"
        Leaks.Option earlier = Leaks.ignoreCurrent();
        startJanitor(stop);                           // runs until stop is closed, on purpose
        Leaks.verifyNone(earlier,
                Leaks.ignoreCreatedBy("dev.go4j.snippets.LeaksSnippets.startJanitor"),
                Leaks.grace(Duration.ofMillis(200)));
        // @end
        Goroutines.awaitBlocked(stop, WaitReason.SELECT, 1, GoTesting.TIMEOUT);
        stop.close();
        Leaks.verifyNone(earlier);
    }

    private static void startJanitor(Chan<Empty> stop) {
        go(() -> {
            while (!select(Duration.ofHours(1), onReceive(stop, s -> { }))) {
                continue; // an hour has passed: sweep, then wait again
            }
        });
    }

    @Nested
    // @start region="annotation"
    @VerifyNoLeaks
    class WorkerPoolTest {
        @Test
        void workersEndWhenTheQueueIsClosed() {
            Chan<Integer> queue = Chan.make();
            var done = new AtomicInteger();
            for (int i = 0; i < 3; i++) {
                go(() -> {
                    for (int job : queue) {
                        done.addAndGet(job);
                    }
                });
            }
            queue.send(1);
            queue.send(2);
            queue.close(); // without it, the three workers would be reported as leaked
        }
    }
    // @end

    @Nested
    // @start region="extension"
    @ExtendWith(LeakExtension.class) // each test checked, with the defaults
    class ConcurrentTest {
        @Test
        void eachGoroutineIsWaitedFor() {
            var wg = new WaitGroup();
            wg.go(() -> { });
            wg.await();
        }
    }
    // @end
}
