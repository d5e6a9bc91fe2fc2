package dev.go4j.internal.runtime;

/**
 * Unwinds a goroutine of a {@code Go.run} program whose exit status has been decided by a call that must not
 * return ({@code Go.exit}, a panic that nothing may recover); nobody reports it. Stackless.
 */
public final class ProgramExit extends Error {
    private static final long serialVersionUID = 1L;

    ProgramExit() {
        super("go4j: the program has exited", null, false, false);
    }
}
