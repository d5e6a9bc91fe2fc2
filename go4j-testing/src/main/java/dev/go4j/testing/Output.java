package dev.go4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Marks a testable example and states what it must print, Go's {@code // Output:} comment on an {@code Example}
 * function. The annotated method is a JUnit test (no {@code @Test} needed): it runs with standard output captured,
 * and passes if what it printed equals {@link #value()}.
 *
 * {@snippet file="TestingSnippets.java" region="output"}
 *
 * <p>What is captured: everything written to {@link System#out} by the example's thread and by every goroutine it
 * starts with {@code go} (or {@code WaitGroup.go}, {@code Go.executor()}), and by their goroutines in turn. Threads
 * that go4j did not start (a plain {@code new Thread}, a pool's worker) write to the real standard output, much as
 * threads outside the Go runtime (C code writing to file descriptor 1) bypass a Go example's capture. A goroutine of
 * the example that prints after the example returned is dropped: it reaches neither the real standard output nor the
 * next example. (Go swaps the process-wide {@code os.Stdout}, so there such late output can land in the next
 * example's capture; go4j routes by goroutine ancestry instead.) Standard error is not captured.
 *
 * <p>How output is compared: as Go does, the whole text is trimmed of leading and trailing white space. go4j is
 * more lenient in two ways: white space at the end of each line is ignored, on both sides (Java text blocks remove
 * it from the expectation anyway), and {@code \r\n} counts as {@code \n}. Indentation and blank lines inside the
 * text count. On a mismatch the test fails with Go's message: a {@code got:} block, then a {@code want:} block.
 * {@code @Output("")} asserts that the example prints nothing. Output is captured as the bytes
 * {@code System.out} encodes, with its charset: a character that charset cannot encode is lost, as on the real
 * standard output (run the tests with {@code -Dstdout.encoding=UTF-8} to compare non-ASCII text everywhere).
 *
 * <p>Parameterized examples: on a method that is also a {@code @ParameterizedTest} (or another test template, such
 * as {@code @RepeatedTest}), each invocation is an example of its own, and {@code {0}}, {@code {1}}… in the
 * expected output stand for that invocation's arguments ({@link String#valueOf(Object)}). JUnit also makes a plain
 * test of such a method, because this annotation is a {@code @Test}; that one is skipped (JUnit 5.13 and newer
 * warn about it at discovery: harmless here). A {@code @TestFactory} cannot be an example: it fails with a
 * configuration error, as the output of its dynamic tests could not be told apart.
 *
 * {@snippet file="TestingSnippets.java" region="parameterized"}
 *
 * <p>Examples hold JUnit's {@link Resources#SYSTEM_OUT} lock in {@linkplain ResourceAccessMode#READ_WRITE
 * read-write} mode, so under parallel test execution they never run at the same time as each other or as other tests
 * that declare that lock. Use {@link UnorderedOutput} when goroutines print in an order that is not fixed.
 *
 * @see UnorderedOutput
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ExampleExtension.class)
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ_WRITE)
public @interface Output {
    /**
     * The output the example must print, compared in order after trimming (see the type's documentation).
     *
     * @return the expected output
     */
    String value();
}
