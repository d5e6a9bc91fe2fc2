package dev.go4j.testing;

import dev.go4j.testing.explore.ExploreExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test method that runs under schedule exploration
 * ({@link dev.go4j.testing.explore.Explore dev.go4j.testing.explore.Explore}): the method runs once per schedule,
 * each time in a synctest bubble of its own, until one fails or {@link #schedules()} have passed. A failure names the
 * seed to put into {@link #seed()} to replay it. The annotated method is a JUnit test (no {@code @Test} needed).
 *
 * {@snippet file="ExploreSnippets.java" region="annotation"}
 *
 * <p>The method runs many times on the same test instance: keep its state in local variables. The schedules tried
 * are the same in every run of the test (their seeds come from the method's name).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ExploreExtension.class)
public @interface Explore {
    /** The {@link #seed()} that means "explore": no seed given. */
    long EXPLORE = Long.MIN_VALUE;

    /**
     * How many schedules to try at most.
     *
     * @return the budget, at least 1
     */
    int schedules() default 1000;

    /**
     * A failing schedule's seed: the method then runs that schedule only, to replay its failure.
     *
     * @return the seed, or {@link #EXPLORE} to explore
     */
    long seed() default EXPLORE;
}
