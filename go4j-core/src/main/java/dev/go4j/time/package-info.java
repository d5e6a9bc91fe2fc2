/**
 * Go's package {@code time}, the parts that make goroutines wait: {@link dev.go4j.time.Time} (sleep, after, tick,
 * afterFunc, now), {@link dev.go4j.time.Timer}, {@link dev.go4j.time.Ticker}, with Go 1.23's timer semantics.
 * Durations are {@link java.time.Duration}s and times {@link java.time.Instant}s.
 *
 * {@snippet file="TimeSnippets.java" region="time"}
 *
 * <p>Deviations from Go: the values are {@code Instant}s (Go's {@code time.Time} carries a monotonic reading too);
 * the clock is go4j's (the test kit may substitute a fake one).
 */
@NullMarked
package dev.go4j.time;

import org.jspecify.annotations.NullMarked;
