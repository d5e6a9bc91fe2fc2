package dev.go4j.internal.runtime;

import dev.go4j.FatalError;
import dev.go4j.Panic;
import dev.go4j.PanicPolicy;
import dev.go4j.internal.jfr.Jfr;
import dev.go4j.internal.park.G;
import java.util.Locale;

/*
 * Implementation notes.
 *
 * The process-level rules of a Go program: how it ends and what a failure does.
 *
 * - Panic policy: explicit (API, else the system property go4j.panicPolicy) wins; otherwise EXIT inside Go.main
 *   and UNCAUGHT_EXCEPTION_HANDLER elsewhere. Both fields are volatile and read on failure paths only.
 * - A goroutine's escaping exception under EXIT: print Go's report to stderr, flush, System.exit(2). System.exit
 *   never returns, so the failing goroutine stays blocked there while shutdown hooks run; other goroutines may run
 *   on briefly, as other threads in a Go program run until exit(2) lands.
 * - FatalError under EXIT: reported where it happens (fatal() is called before anything is thrown) and
 *   Runtime.halt(2), so no finally block and no shutdown hook runs, as with Go's fatal errors.
 * - Go.exit(code): flush stdout/stderr, System.exit(code). Shutdown hooks run (the JVM's own contract); finally
 *   blocks of goroutines do not, as Go's deferred functions do not run on os.Exit.
 * - JFR (when a recording runs; one read of Jfr.on() otherwise): a failure that escapes a goroutine is a
 *   dev.go4j.Panic event, whichever the policy; the deadlock report is a dev.go4j.Deadlock event. Before a halt
 *   (fatal error, deadlock), which skips the shutdown hook in which JFR writes a recording's file, go4j stops the
 *   recordings that have a file itself, so that the report's events reach it (Jfr.beforeHalt).
 */
public final class Program {
    private static final String POLICY_PROPERTY = "go4j.panicPolicy";

    /** Policy chosen through the API or the system property, or null for the default. */
    private static volatile PanicPolicy explicitPolicy = policyFromProperty();
    /** True once Go.main has started. */
    private static volatile boolean mainMode;

    private Program() {
    }

    /** Marks the process as a Go program run by Go.main. */
    static void enterMain() {
        mainMode = true;
    }

    /** Whether Go.main runs this program. */
    public static boolean isMain() {
        return mainMode;
    }

    /** The policy in force. */
    public static PanicPolicy policy() {
        PanicPolicy explicit = explicitPolicy;
        if (explicit != null) {
            return explicit;
        }
        return mainMode ? PanicPolicy.EXIT : PanicPolicy.UNCAUGHT_EXCEPTION_HANDLER;
    }

    /** Chooses the policy explicitly; null restores the default (or the system property's choice). */
    public static void setPolicy(PanicPolicy policy) {
        explicitPolicy = policy != null ? policy : policyFromProperty();
    }

    private static PanicPolicy policyFromProperty() {
        String value = System.getProperty(POLICY_PROPERTY);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "exit" -> PanicPolicy.EXIT;
            case "handler" -> PanicPolicy.UNCAUGHT_EXCEPTION_HANDLER;
            default -> throw new IllegalArgumentException(
                    POLICY_PROPERTY + " must be \"exit\" or \"handler\", not \"" + value + "\"");
        };
    }

    /**
     * Handles an exception that escaped goroutine {@code g}: under EXIT reports it and ends the process (never
     * returns); otherwise hands it to the thread's uncaught-exception handler and returns.
     */
    public static void goroutineFailed(G g, Throwable failure) {
        if (policy() == PanicPolicy.EXIT) {
            fatalPanic(g, failure);
        }
        Thread thread = Thread.currentThread();
        thread.getUncaughtExceptionHandler().uncaughtException(thread, failure);
        if (Jfr.on()) {
            Jfr.panic(g.id(), panicText(failure), failure.getClass(), failure instanceof FatalError, false);
        }
    }

    /**
     * Ends the program for a panic that nothing may recover, Go's {@code fatalpanic}: prints
     * {@code panic: <text>} with goroutine {@code g}'s report and exits with status 2 (a {@link FatalError}
     * halts as {@link #fatal} does), whatever the policy; never returns. The EXIT policy's end for a goroutine's
     * escaping exception, and for callers that decided under EXIT that a panic must not reach a {@code catch}.
     */
    public static void fatalPanic(G g, Throwable failure) {
        if (failure instanceof FatalError fatal) {
            halt(fatal, g);
        }
        report("panic: " + panicText(failure), g, failure);
        exit(2);
    }

    /**
     * Go's fatal error. Under EXIT it prints {@code fatal error: <message>} with the current stack and halts with
     * status 2, never returning; otherwise it returns the {@link FatalError} for the caller to throw.
     */
    public static FatalError fatal(String message) {
        FatalError error = new FatalError(message);
        if (policy() == PanicPolicy.EXIT) {
            halt(error, G.current());
        }
        return error;
    }

    /**
     * Go's deadlock report: prints {@code fatal error: all goroutines are asleep - deadlock!}, an empty line and
     * the dump of every goroutine (main first), and halts with status 2 without running finally blocks or
     * shutdown hooks; never returns. Only the deadlock detector calls it, once it has proven the deadlock.
     */
    public static void deadlock() {
        StringBuilder text = new StringBuilder("fatal error: all goroutines are asleep - deadlock!\n\n");
        Traceback.dumpAll(text);
        flushStandardStreams();
        System.err.print(text);
        flushStandardStreams();
        if (Jfr.on()) {
            deadlockEvent();
        }
        haltNow();
    }

    /** Emits the deadlock report's JFR event: how many goroutines sleep, and what main waits for. */
    private static void deadlockEvent() {
        G main = null;
        for (G g : G.all()) {
            if (g.id() == Goroutine.MAIN_ID) {
                main = g;
            }
        }
        Object on = main == null ? null : main.waitingOn();
        Jfr.deadlock(Goroutine.liveCount(), main == null ? null : main.waitReason(), on == null ? null : on.toString());
    }

    /** Runtime.halt(2), after writing the JFR recordings that have a file (the halt skips JFR's shutdown hook). */
    private static void haltNow() {
        if (Jfr.on()) {
            Jfr.beforeHalt();
        }
        Runtime.getRuntime().halt(2);
    }

    /** Ends the program with {@code status}, as Go's os.Exit; never returns. */
    public static void exit(int status) {
        flushStandardStreams();
        System.exit(status);
        throw new AssertionError("System.exit returned");
    }

    private static void halt(FatalError error, G g) {
        report("fatal error: " + error.getMessage(), g, error);
        flushStandardStreams();
        haltNow();
    }

    /** Go's text for a panic value: the message of go4j's own exceptions, toString() of any other. */
    static String panicText(Throwable failure) {
        if (failure instanceof Panic || failure instanceof FatalError) {
            return String.valueOf(failure.getMessage());
        }
        return failure.toString();
    }

    /**
     * Prints Go's report: the headline, an empty line, then (unless -Dgo4j.traceback=none) the failing goroutine's
     * entry, {@code goroutine N [running]:} with the failure's frames (go4j's internal ones left out) and its
     * "Caused by:" chain, and its created-by line; at -Dgo4j.traceback=all every other goroutine follows.
     */
    static void report(String headline, G g, Throwable failure) {
        StringBuilder text = new StringBuilder(headline).append("\n");
        if (Traceback.level() != Traceback.Level.NONE) {
            text.append('\n');
            Traceback.appendFailure(text, g, failure);
        }
        flushStandardStreams();
        System.err.print(text);
        System.err.flush();
        if (Jfr.on()) {
            Jfr.panic(g.id(), panicText(failure), failure.getClass(), failure instanceof FatalError, true);
        }
    }

    private static void flushStandardStreams() {
        System.out.flush();
        System.err.flush();
    }
}
