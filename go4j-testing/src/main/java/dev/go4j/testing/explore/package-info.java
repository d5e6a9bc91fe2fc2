/**
 * Schedule exploration with exact replay, beyond Go: {@link dev.go4j.testing.explore.Explore} runs a body under
 * many seeded schedules in a synctest bubble and reports the first failure with the seed that replays it;
 * {@link dev.go4j.testing.Explore @Explore} does it for a JUnit test method.
 *
 * {@snippet file="ExploreSnippets.java" region="explore"}
 *
 * <p>Out of scope: code between two go4j operations runs without interruption, so data races on plain fields and
 * memory-model bugs are not found.
 */
@NullMarked
package dev.go4j.testing.explore;

import org.jspecify.annotations.NullMarked;
