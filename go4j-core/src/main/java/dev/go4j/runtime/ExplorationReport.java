package dev.go4j.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link Bubbles#explore} found: how many schedules ran, how many distinct interleavings they were, and the
 * first failure with the seed that replays it and its decisions.
 *
 * {@snippet file="ExploreSnippets.java" region="explore"}
 *
 * @param schedules the schedules run (up to and including the failing one)
 * @param distinctInterleavings how many of them made different decisions
 * @param failure what the failing schedule threw (an exception, a deadlock with the bubble's dump), if one failed
 * @param failingSeed the seed that replays the failing schedule ({@link Bubbles#replay}), if one failed
 * @param trace the failing schedule's decisions in order, such as {@code g2 chan send #1} (goroutine 2 of the bubble,
 *     about to send on the bubble's first primitive) or {@code g1 runs} (woken or just started); empty if none
 *     failed
 */
public record ExplorationReport(int schedules, int distinctInterleavings, Optional<Throwable> failure,
        OptionalLong failingSeed, List<String> trace) {

    /**
     * Checks the components and copies the trace.
     *
     * @throws NullPointerException if a component is null
     */
    public ExplorationReport {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(failingSeed, "failingSeed");
        trace = List.copyOf(trace);
    }
}
