package dev.go4j;

/**
 * What happens to a panic (any exception) that escapes a goroutine, and to a {@link FatalError}.
 *
 * <p>The default depends on how the program runs: inside {@link Go#main Go.main} it is {@link #EXIT}, as in a Go
 * program; otherwise (go4j as a library inside a server or a test) it is {@link #UNCAUGHT_EXCEPTION_HANDLER}, so
 * one failing goroutine does not end the JVM. The system property {@code go4j.panicPolicy} ({@code exit} or
 * {@code handler}) or {@link Go#setPanicPolicy(PanicPolicy)} choose one explicitly; an explicit choice wins over the
 * default.
 *
 * {@snippet file="ErrorSnippets.java" region="panic-policy"}
 */
public enum PanicPolicy {
    /**
     * As in Go: an exception escaping any goroutine prints {@code panic: <text>}, an empty line,
     * {@code goroutine N [running]:} and the stack to standard error, and the process exits with status 2. A
     * {@link FatalError} prints {@code fatal error: <text>} at the point of failure and halts without running
     * {@code finally} blocks.
     */
    EXIT,
    /**
     * Java's way: an exception escaping a goroutine goes to its thread's
     * {@link Thread.UncaughtExceptionHandler}, and the JVM lives on; a {@link FatalError} is thrown like any error.
     */
    UNCAUGHT_EXCEPTION_HANDLER
}
