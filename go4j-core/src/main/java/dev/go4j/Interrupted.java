package dev.go4j;

import java.io.Serial;

/**
 * Thrown when a go4j blocking operation is interrupted by {@link Thread#interrupt()} before it could complete.
 *
 * <p>Go has no interrupts; Java does. The rules, for every interruptible go4j operation (everything that blocks
 * except lock acquisition and {@code Once}): an operation that can complete without parking completes even if the
 * thread is already interrupted; one that must park checks the status first and throws this exception with no
 * effect; if the operation's match races the interrupt, the match wins and the operation returns normally with the
 * status still set. Whenever this exception is thrown the interrupt status has been set again, so enclosing code
 * still sees it. Its cause is an {@link InterruptedException}.
 *
 * <p>It is not a {@link Panic}: where an API collects task errors, {@code Interrupted} is an error value.
 *
 * {@snippet file="ErrorSnippets.java" region="interrupted"}
 */
public class Interrupted extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception, with a fresh {@link InterruptedException} as its cause. */
    public Interrupted() {
        super("interrupted", new InterruptedException());
    }
}
