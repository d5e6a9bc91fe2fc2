package dev.go4j;

import java.io.Serial;

/**
 * A Go fatal error: a failure Go does not let a program recover from, such as
 * {@code sync: unlock of unlocked mutex} or {@code all goroutines are asleep - deadlock!}.
 *
 * <p>It is an {@link Error}, so ordinary {@code catch (Exception e)} blocks do not swallow it. Under the
 * {@link PanicPolicy#EXIT EXIT} policy (the default inside {@link Go#main Go.main}) go4j never throws it: at the
 * point of failure it prints {@code fatal error: <text>}, an empty line, {@code goroutine N [running]:} and the
 * stack, and halts the JVM with status 2 without running {@code finally} blocks, as Go does. Under the
 * {@link PanicPolicy#UNCAUGHT_EXCEPTION_HANDLER UNCAUGHT_EXCEPTION_HANDLER} policy (the default for go4j used as a
 * library) it is thrown, which is a listed deviation from Go.
 *
 * {@snippet file="ErrorSnippets.java" region="fatal-error"}
 */
public class FatalError extends Error {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates a fatal error with Go's text.
     *
     * @param message the text printed after {@code fatal error: }
     */
    public FatalError(String message) {
        super(message);
    }
}
