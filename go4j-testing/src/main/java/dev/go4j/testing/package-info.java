/**
 * Testing go4j programs with JUnit, as Go's {@code testing} package and {@code testing/synctest} help Go programs.
 *
 * <ul>
 *   <li>{@link dev.go4j.testing.Output @Output} and {@link dev.go4j.testing.UnorderedOutput @UnorderedOutput} make a
 *       method a testable example, Go's {@code Example} function with its {@code // Output:} or
 *       {@code // Unordered output:} comment: the method runs as a JUnit test with standard output captured (its
 *       goroutines' output included) and compared with the expectation.</li>
 *   <li>{@link dev.go4j.testing.Goroutines#awaitBlocked(Thread, dev.go4j.WaitReason, java.time.Duration) awaitBlocked}
 *       orders a test with facts ("goroutine G is now blocked in X") instead of sleeps.</li>
 *   <li>{@link dev.go4j.testing.Leaks#verifyNone() Leaks.verifyNone} and
 *       {@link dev.go4j.testing.VerifyNoLeaks @VerifyNoLeaks} fail a test that leaves goroutines behind, as uber's
 *       {@code goleak} does for Go tests.</li>
 * </ul>
 *
 * {@snippet file="TestingSnippets.java" region="output"}
 *
 * <p>Deviations from Go's examples: besides trimming the whole text, as Go does, the comparison ignores white space
 * at the end of each line and treats {@code \r\n} as {@code \n} (see {@link dev.go4j.testing.Output}); an example
 * may be a {@code @ParameterizedTest}, and then each invocation is checked.
 *
 * <p>JUnit: this package works with JUnit 5 (5.10 or newer) and JUnit 6, whichever the project uses; go4j-testing
 * depends on JUnit's API with scope {@code provided} and brings none of its own.
 */
@NullMarked
package dev.go4j.testing;

import org.jspecify.annotations.NullMarked;
