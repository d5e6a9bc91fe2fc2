/**
 * Testing go4j programs with JUnit, as Go's {@code testing} package and {@code testing/synctest} help Go programs:
 * {@link dev.go4j.test.Goroutines#awaitBlocked(Thread, dev.go4j.WaitReason, java.time.Duration) awaitBlocked}
 * orders a test with facts ("goroutine G is now blocked in X") instead of sleeps.
 */
package dev.go4j.test;
