/**
 * Go's {@code testing/synctest}: {@link dev.go4j.testing.synctest.Synctest} runs a test in a bubble with fake
 * time, so concurrent code with timeouts is tested without sleeping and runs the same way every time;
 * {@link dev.go4j.testing.Synctest @Synctest} does it for a JUnit test method.
 *
 * {@snippet file="SynctestSnippets.java" region="synctest"}
 *
 * <p>Deviations from Go: a bubble's goroutines run on one carrier, one at a time (Go runs them in parallel);
 * {@code Mutex} waits are not durable, as in Go; JDK timed waits keep real time.
 */
@NullMarked
package dev.go4j.testing.synctest;

import org.jspecify.annotations.NullMarked;
