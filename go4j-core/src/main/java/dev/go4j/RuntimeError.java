package dev.go4j;

import java.io.Serial;

/**
 * A panic raised by the go4j runtime for a misuse Go reports as a {@code runtime.Error}, such as
 * {@code send on closed channel}, {@code close of closed channel} or {@code makechan: size out of range}.
 *
 * {@snippet file="ErrorSnippets.java" region="runtime-error"}
 */
public class RuntimeError extends Panic {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates a run-time error with Go's text.
     *
     * @param message Go's text, for example {@code send on closed channel}
     */
    public RuntimeError(String message) {
        super(message);
    }
}
