package dev.go4j.examples.goroutines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Task;
import dev.go4j.testing.Output;
import dev.go4j.testing.UnorderedOutput;
import dev.go4j.testing.explore.Explore;
import dev.go4j.testing.explore.ExploreResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoOrderTest {
    /** The goroutines' own prints: any order, so the comparison ignores it. */
    @UnorderedOutput("""
            coming from: goroutine 1
            coming from: goroutine 2
            coming from: goroutine 3
            coming from: goroutine 4
            coming from: goroutine 5
            """)
    void goroutinesPrintInAnyOrder() {
        NoOrder.run();
    }

    /** Main sorts what the goroutines handed over: an order the program itself guarantees. */
    @Output("""
            coming from: goroutine 1
            coming from: goroutine 2
            coming from: goroutine 3
            coming from: goroutine 4
            coming from: goroutine 5
            """)
    void collectedResultsAreSorted() {
        NoOrder.runCollected();
    }

    /**
     * Why an ordered expectation of {@link NoOrder#run()} is wrong, shown rather than argued: schedule exploration
     * finds a schedule whose lines are out of start order (and replays it from its seed), while the collected form
     * keeps its order on every schedule.
     */
    @Test
    void explorationFindsAnOrderThePrintingVersionDoesNotKeep() {
        Task printsInStartOrder = () -> {
            List<String> lines = new ArrayList<>();
            NoOrder.run(lines::add);
            assertThat(lines).as("lines as the goroutines printed them").isSorted();
        };
        ExploreResult printing = Explore.run(200, 7, printsInStartOrder);
        assertThat(printing.failure()).as("a schedule with the lines out of order").isPresent();
        assertThatThrownBy(() -> Explore.replay(printing.failingSeed().orElseThrow(), printsInStartOrder))
                .isInstanceOf(AssertionError.class).hasMessageContaining("lines as the goroutines printed them");

        ExploreResult collected = Explore.run(200, 7, () -> {
            List<String> lines = new ArrayList<>();
            NoOrder.runCollected(lines::add);
            assertThat(lines).isSorted().hasSize(NoOrder.GOROUTINES);
        });
        assertThat(collected.failure()).isEmpty();
        assertThat(collected.schedules()).isEqualTo(200);
        assertThat(collected.distinctInterleavings()).as("interleavings tried").isGreaterThan(1);
    }
}
