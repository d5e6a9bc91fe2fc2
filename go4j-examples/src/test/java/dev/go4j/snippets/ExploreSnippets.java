package dev.go4j.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.sync.Mutex;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Explore;
import dev.go4j.testing.Output;
import dev.go4j.testing.explore.ExploreResult;
import org.junit.jupiter.api.Nested;

/** The examples of schedule exploration: dev.go4j.testing.explore and @Explore. */
class ExploreSnippets {
    @Output("""
            found: initialised 2 times
            replayed: initialised 2 times
            """)
    void explore() {
        // @start region="explore"
        dev.go4j.Task lazyInit = () -> {
            Object[] config = {null};
            int[] initialised = {0};
            var mu = new Mutex();
            var wg = new WaitGroup();
            for (int i = 0; i < 2; i++) {
                wg.go(() -> {
                    if (config[0] == null) { // checked outside the lock, and not again inside it
                        mu.lock();
                        config[0] = new Object();
                        initialised[0]++;
                        mu.unlock();
                    }
                });
            }
            wg.await();
            if (initialised[0] != 1) {
                throw new IllegalStateException("initialised " + initialised[0] + " times");
            }
        };
        ExploreResult result = dev.go4j.testing.explore.Explore.run(1000, 42, lazyInit);
        System.out.println("found: " + result.failure().orElseThrow().getMessage());
        try {
            dev.go4j.testing.explore.Explore.replay(result.failingSeed().orElseThrow(), lazyInit); // same failure
        } catch (IllegalStateException e) {
            System.out.println("replayed: " + e.getMessage());
        }
        // @end
    }

    @Nested
    // @start region="annotation"
    class CounterTest {
        @Explore(schedules = 200)
        void incrementsUnderTheLockAreNeverLost() {
            int[] count = {0};
            var mu = new Mutex();
            var wg = new WaitGroup();
            for (int i = 0; i < 3; i++) {
                wg.go(() -> {
                    mu.lock();
                    count[0]++;
                    mu.unlock();
                });
            }
            wg.await();
            assertThat(count[0]).isEqualTo(3);
        }
    }
    // @end
}
