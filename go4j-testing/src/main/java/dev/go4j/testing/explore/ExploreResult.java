package dev.go4j.testing.explore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link Explore#run} found: the schedules run, how many distinct interleavings they were, and the first
 * failure with the seed that replays it ({@link Explore#replay}) and its decisions.
 *
 * {@snippet file="ExploreSnippets.java" region="explore"}
 *
 * @param schedules the schedules run, up to and including the failing one
 * @param distinctInterleavings how many of them made different decisions
 * @param failure what the failing schedule threw, if one failed
 * @param failingSeed the seed that replays the failing schedule, if one failed
 * @param trace the failing schedule's decisions ({@code g2 chan send #1}: goroutine 2 of the bubble about to send
 *     on the bubble's first primitive); empty if none failed
 */
public record ExploreResult(int schedules, int distinctInterleavings, Optional<Throwable> failure,
        OptionalLong failingSeed, List<String> trace) {

    /**
     * Checks the components and copies the trace.
     *
     * @throws NullPointerException if a component is null
     */
    public ExploreResult {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(failingSeed, "failingSeed");
        trace = List.copyOf(trace);
    }
}
