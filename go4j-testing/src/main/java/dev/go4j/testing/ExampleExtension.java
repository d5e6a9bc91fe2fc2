package dev.go4j.testing;

import dev.go4j.testing.internal.Capture;
import dev.go4j.testing.internal.ExpectedOutput;
import dev.go4j.testing.internal.RoutingPrintStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/*
 * Implementation notes.
 *
 * One example run: install the routing stream (once per JVM), open a Capture, make it the running thread's current
 * capture (an Inherited value) so that the test method and every goroutine it starts write into it, run the method,
 * then restore the earlier current capture and close this one. Closing comes before the comparison, so a goroutine
 * still printing after the method returned cannot change what is compared; its later writes are dropped (see
 * RoutingPrintStream).
 *
 * The current capture is set and restored on the thread that runs the method body, which is the thread calling
 * proceed(), so interceptors that move the invocation to another thread (JUnit's separate-thread timeout) still
 * work. The earlier capture is restored, so an example run from inside another (a test-kit run inside an example)
 * nests.
 *
 * If the method throws, the exception is the test's failure and the output is not compared, as in Go, where a
 * panicking example reports the panic rather than an output mismatch.
 *
 * Parameterized examples. @Output carries @Test, so a method that is also a @ParameterizedTest (any test
 * template) gets two descriptors from JUnit: a plain test, which would fail to resolve its parameters or check
 * one argument-less run, and the template, whose invocations go through interceptTestTemplateMethod. The plain
 * one is skipped by the execution condition; each invocation is captured and checked like a plain example, with
 * {0}, {1}… in the expectation replaced by its arguments. JUnit 5.13 and newer log a discovery warning ("resulted
 * in multiple TestDescriptors") for such a method; it is harmless here. A @TestFactory example (JUnit makes no
 * plain test of it, as it returns a value) would run dynamic tests whose output cannot be told apart, so it fails
 * with a configuration error instead.
 */

/**
 * The JUnit extension behind {@link Output @Output} and {@link UnorderedOutput @UnorderedOutput}: runs an example
 * with its standard output captured and compares it with the expectation. Those annotations register it, so tests
 * never need to name it.
 *
 * {@snippet file="TestingSnippets.java" region="example-extension"}
 *
 * <p>Test methods without either annotation run untouched. An example that is also a {@code @ParameterizedTest}
 * (or another test template, such as {@code @RepeatedTest}) is checked in each invocation, with {@code {0}},
 * {@code {1}}… in the expected output standing for that invocation's arguments; JUnit's extra plain run of the
 * method is skipped. An example cannot be a {@code @TestFactory}.
 */
public final class ExampleExtension implements InvocationInterceptor, ExecutionCondition {
    /** Creates the extension; JUnit calls this. */
    public ExampleExtension() {
    }

    @Override
    public void interceptTestMethod(Invocation<@Nullable Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        runExample(invocation, invocationContext.getExecutable(), List.of());
    }

    /** Checks each invocation of a parameterized (or repeated) example, its arguments put into the expectation. */
    @Override
    public void interceptTestTemplateMethod(Invocation<@Nullable Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        runExample(invocation, invocationContext.getExecutable(), invocationContext.getArguments());
    }

    /** Runs {@code method} as an example if it is one, else untouched. */
    private static void runExample(Invocation<@Nullable Void> invocation, Method method, List<?> arguments)
            throws Throwable {
        Optional<ExpectedOutput> expected = ExpectedOutput.of(method);
        if (expected.isEmpty()) {
            invocation.proceed();
            return;
        }
        expected.get().withArguments(arguments).check(runCapturing(invocation));
    }

    /** Rejects an example that is a test factory: the output of its dynamic tests could not be told apart. */
    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        Method method = invocationContext.getExecutable();
        if (ExpectedOutput.of(method).isPresent()) {
            throw new ExtensionConfigurationException(method.getName() + ": @" + TestFactory.class.getSimpleName()
                    + " cannot be an example: the output of its dynamic tests is not checked; make each a method"
                    + " with @Output, or use @ParameterizedTest");
        }
        return invocation.proceed();
    }

    /**
     * Skips the plain run of an example that is also a test template ({@code @ParameterizedTest},
     * {@code @RepeatedTest}…): {@code @Output} makes every example a {@code @Test} as well, so JUnit runs such a
     * method once more, alone, besides its invocations.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent() && isPlainTestRun(context) && ExpectedOutput.isExample(method.get())
                && AnnotationSupport.isAnnotated(method.get(), TestTemplate.class)) {
            return ConditionEvaluationResult.disabled("an example that is a test template (@ParameterizedTest,"
                    + " @RepeatedTest…) runs as its invocations, and each one's output is checked");
        }
        return ConditionEvaluationResult.enabled("not the plain run of a parameterized example");
    }

    /**
     * Whether {@code context} is a plain {@code @Test} run, not a test template or one of its invocations: the
     * last segment of Jupiter's unique id says which ({@code [method:…]}, documented in JUnit's user
     * guide and stable since JUnit 5.0).
     */
    private static boolean isPlainTestRun(ExtensionContext context) {
        String id = context.getUniqueId();
        return id.startsWith("[method:", id.lastIndexOf("/[") + 1);
    }

    /** Runs the invocation with this thread's standard output (and that of its goroutines) captured. */
    private static String runCapturing(Invocation<@Nullable Void> invocation) throws Throwable {
        RoutingPrintStream out = RoutingPrintStream.install();
        Capture capture = new Capture();
        Capture outer = Capture.current();
        Capture.setCurrent(capture);
        byte[] printed;
        try {
            invocation.proceed();
        } finally {
            Capture.setCurrent(outer);
            out.flush();
            printed = capture.close();
        }
        return new String(printed, out.charset());
    }
}
