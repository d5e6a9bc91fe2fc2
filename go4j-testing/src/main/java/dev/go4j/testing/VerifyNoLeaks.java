package dev.go4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Fails a test that leaves goroutines behind, as {@code goleak.VerifyNone} at the end of a Go test does: after the
 * test (its {@code @AfterEach} methods included), every goroutine it started must end within the grace period,
 * else the test fails with an {@link AssertionError} listing them in the goroutine dump format (see {@link Leaks}).
 *
 * {@snippet file="LeaksSnippets.java" region="annotation"}
 *
 * <p>On a method, it checks that test; on a class, each test of the class and of its {@code @Nested} classes
 * (an annotation on a method or a nested class takes the place of the enclosing one), or, with
 * {@link #when() when = AFTER_ALL}, the whole class once, after its {@code @AfterAll} methods. "Started by the
 * test" means started after the test began (before its {@code @BeforeEach} methods, or its {@code @BeforeAll}
 * methods for {@code AFTER_ALL}): goroutine ids only grow, so those are the goroutines with an id above the highest
 * one alive then. Goroutines of earlier tests, and of {@code @BeforeAll} methods for a per-test check, never count.
 *
 * <p>Leak-checked tests hold JUnit's global lock ({@link Resources#GLOBAL}) in
 * {@linkplain ResourceAccessMode#READ_WRITE read-write} mode, as {@code @Isolated} tests do: under parallel test
 * execution no other test runs beside them, so no other test's goroutines are taken for theirs.
 *
 * <p>Registering {@link LeakExtension} with {@code @ExtendWith} instead checks each test with the defaults
 * (without taking the lock).
 *
 * @see Leaks
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LeakExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
public @interface VerifyNoLeaks {
    /**
     * How long, in milliseconds of real time, the goroutines a test started may take to end after it.
     *
     * @return the grace period in milliseconds, 1000 ({@link Leaks#DEFAULT_GRACE}) unless set
     */
    long graceMillis() default 1000;

    /**
     * Functions whose goroutines do not count: see {@link Leaks#ignoreCreatedBy(String)}.
     *
     * @return methods as {@code package.Class.method}
     */
    String[] ignoreCreatedBy() default {};

    /**
     * Functions that goroutines may stay blocked in: see {@link Leaks#ignoreBlockedIn(String)}.
     *
     * @return methods as {@code package.Class.method}
     */
    String[] ignoreBlockedIn() default {};

    /**
     * When to check: after each test (the default), or once after all tests of the annotated class.
     *
     * @return when the check runs
     */
    When when() default When.AFTER_EACH;

    /** When a leak check runs. */
    enum When {
        /** After each test, for the goroutines that test started. */
        AFTER_EACH,
        /** Once after all tests of the annotated class, for the goroutines the class started; classes only. */
        AFTER_ALL
    }
}
