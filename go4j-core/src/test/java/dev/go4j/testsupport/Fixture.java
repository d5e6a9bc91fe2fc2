package dev.go4j.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that go4j's own tests run through JUnit's EngineTestKit; some of its tests fail or hang on
 * purpose. Such classes are static nested classes, which Surefire's default excludes leave out of a normal build.
 * When something selects them anyway (a {@code -Dtest=} pattern, an IDE running a whole package), they are skipped
 * unless the configuration parameter {@value #PARAMETER} is {@code true}, which only the test-kit runs set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Fixture.OnlyInTestKit.class)
public @interface Fixture {
    /** The configuration parameter that enables fixture classes. */
    String PARAMETER = "go4j.test.fixtures";

    /** Disables fixture classes unless {@value #PARAMETER} is set. */
    final class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER, Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run by a test of go4j's own tests")
                    : ConditionEvaluationResult.disabled("a fixture of go4j's own tests; fails on purpose");
        }
    }
}
