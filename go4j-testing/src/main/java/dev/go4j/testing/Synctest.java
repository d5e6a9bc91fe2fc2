package dev.go4j.testing;

import dev.go4j.testing.synctest.SynctestExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test method that runs in a synctest bubble: the method is the body of
 * {@link dev.go4j.testing.synctest.Synctest#test(dev.go4j.Task) Synctest.test} (fake time, one goroutine at a
 * time, Go's deadlock checks). The annotated method is a JUnit test (no {@code @Test} needed). On a
 * {@code @ParameterizedTest} or {@code @RepeatedTest}, put {@code @ExtendWith(SynctestExtension.class)} instead:
 * every invocation then runs in a bubble of its own.
 *
 * {@snippet file="SynctestSnippets.java" region="annotation"}
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(SynctestExtension.class)
public @interface Synctest {
}
