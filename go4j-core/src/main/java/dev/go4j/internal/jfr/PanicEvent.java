package dev.go4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * {@code dev.go4j.Panic}: an exception escaped a goroutine, as Go's panic report (under {@code Go.main}) or the
 * uncaught-exception handler (in library mode) sees it. No stack trace: go4j's runtime commits the event after the
 * failure has unwound the goroutine's frames, and the panic report prints the failure's own.
 */
@Name("dev.go4j.Panic")
@Label("Panic")
@Category("go4j")
@Description("An exception escaped a goroutine: a Go panic, or a fatal error")
@StackTrace(false)
final class PanicEvent extends Event {
    @Label("Goroutine Id")
    @Description("The goroutine the failure escaped; 0 for a thread go4j did not start")
    final long goroutineId;

    @Label("Panic")
    @Description("Go's text of the panic value: the message of go4j's panics, toString() of other exceptions")
    final String panic;

    @Label("Exception Class")
    @Description("The class of the exception")
    final Class<?> exceptionClass;

    @Label("Fatal Error")
    @Description("Whether it is Go's fatal error (a FatalError), which halts without running finally blocks")
    final boolean fatalError;

    @Label("Ends Program")
    @Description("Whether go4j ends the process for it (the EXIT policy of Go.main) rather than handing it to "
            + "the thread's uncaught-exception handler")
    final boolean endsProgram;

    PanicEvent(long goroutineId, String panic, Class<?> exceptionClass, boolean fatalError, boolean endsProgram) {
        this.goroutineId = goroutineId;
        this.panic = panic;
        this.exceptionClass = exceptionClass;
        this.fatalError = fatalError;
        this.endsProgram = endsProgram;
    }

    static void emit(long goroutineId, String panic, Class<?> exceptionClass, boolean fatalError,
            boolean endsProgram) {
        new PanicEvent(goroutineId, panic, exceptionClass, fatalError, endsProgram).commit();
    }
}
