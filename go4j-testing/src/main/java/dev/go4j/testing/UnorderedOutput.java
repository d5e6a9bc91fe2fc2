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
 * Marks a testable example whose output lines may come in any order, Go's {@code // Unordered output:} comment. The
 * example passes if it printed the same lines as {@link #value()}, each as many times, in any order.
 *
 * {@snippet file="TestingSnippets.java" region="unordered-output"}
 *
 * <p>Capture, trimming and the per-line leniency are those of {@link Output}: the whole text is trimmed, trailing
 * white space of each line is ignored, and then both sides are compared as sorted lists of lines. A mismatch fails
 * with a {@code got:} block and a {@code want (unordered):} block, as in Go. Put either {@code @Output} or
 * {@code @UnorderedOutput} on a method, not both.
 *
 * @see Output
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ExampleExtension.class)
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ_WRITE)
public @interface UnorderedOutput {
    /**
     * The lines the example must print, in any order (see the type's documentation).
     *
     * @return the expected output
     */
    String value();
}
