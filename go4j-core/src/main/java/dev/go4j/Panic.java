package dev.go4j;

import java.io.Serial;

/**
 * A Go panic: an unchecked exception whose message is the text Go would print after {@code panic: }.
 *
 * <p>go4j throws {@code Panic} where Go panics (for example {@code sync: negative WaitGroup counter}); Go's
 * run-time errors are the subclass {@link RuntimeError}. Programs may throw it too, as they would call Go's
 * {@code panic}. Where an API collects task errors (errgroup, singleflight), a {@code Panic} is not an error value:
 * it follows the {@linkplain PanicPolicy panic policy}, as Go re-panics.
 *
 * {@snippet file="ErrorSnippets.java" region="panic"}
 */
public class Panic extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates a panic with Go's text.
     *
     * @param message the text printed after {@code panic: }
     */
    public Panic(String message) {
        super(message);
    }

    /**
     * Creates a panic with Go's text that wraps the failure it reports.
     *
     * @param message the text printed after {@code panic: }
     * @param cause the underlying failure
     */
    public Panic(String message, Throwable cause) {
        super(message, cause);
    }
}
