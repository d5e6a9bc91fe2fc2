package dev.go4j.testing;

import dev.go4j.testing.internal.Capture;
import dev.go4j.testing.internal.ExpectedOutput;
import dev.go4j.testing.internal.RoutingPrintStream;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

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
 */

/**
 * The JUnit extension behind {@link Output @Output} and {@link UnorderedOutput @UnorderedOutput}: runs an example
 * with its standard output captured and compares it with the expectation. Those annotations register it, so tests
 * never need to name it.
 *
 * {@snippet file="TestingSnippets.java" region="example-extension"}
 *
 * <p>Test methods without either annotation run untouched.
 */
public final class ExampleExtension implements InvocationInterceptor {
    /** Creates the extension; JUnit calls this. */
    public ExampleExtension() {
    }

    @Override
    public void interceptTestMethod(Invocation<@Nullable Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        Optional<ExpectedOutput> expected = ExpectedOutput.of(invocationContext.getExecutable());
        if (expected.isEmpty()) {
            invocation.proceed();
            return;
        }
        expected.get().check(runCapturing(invocation));
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
