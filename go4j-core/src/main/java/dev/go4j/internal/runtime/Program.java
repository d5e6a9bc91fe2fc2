package dev.go4j.internal.runtime;

import dev.go4j.FatalError;
import dev.go4j.Interrupted;
import dev.go4j.Panic;
import dev.go4j.PanicPolicy;
import dev.go4j.Task;
import dev.go4j.internal.jfr.Jfr;
import dev.go4j.internal.park.G;
import dev.go4j.internal.park.Scope;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

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
 *
 * Two kinds of program share run(): Go.main's, which is the process (no Scope: ids from the global counter, every
 * goroutine of the JVM is its own, and its ends are the JVM's ends above), and Go.run's, a Scope. Inside a live
 * Scope the same reports are printed, but nothing ends the JVM: the report decides the scope's status (2; Go.exit's
 * code) and wakes its launcher, which returns it. A path that must not return (fatalPanic, Go.exit) unwinds its
 * goroutine with ProgramExit instead, which nobody reports; fatal() returns its FatalError to be thrown, and
 * goroutineFailed ignores that error once it reaches the top. Finally blocks therefore run inside a Scope, unlike
 * Go. Once the status is decided the scope's later failures go to the uncaught-exception handler.
 */
public final class Program {
    private static final String POLICY_PROPERTY = "go4j.panicPolicy";

    /** Policy chosen through the API or the system property, or null for the default. */
    private static volatile PanicPolicy explicitPolicy = policyFromProperty();
    /** True once Go.main has started. */
    private static volatile boolean mainMode;

    private Program() {
    }

    /** How long run() waits for a Go.run program's goroutines to finish after the status is decided. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    /** Marks the process as a Go program run by Go.main. */
    static void enterMain() {
        mainMode = true;
    }

    /**
     * Runs a program and returns its exit status: starts {@code body} as goroutine 1 of {@code scope} (of Go.main's
     * process-wide program if null), has {@code watch} watch it for deadlocks (before main starts), and waits for
     * the status (main's return is 0). A Go.run program's goroutines still alive are then interrupted and given
     * {@link #GRACE} to finish. For Go.main's program only main's return comes back here (0): its other ends
     * never return.
     */
    public static int run(Scope scope, Task body, Consumer<Scope> watch) {
        watch.accept(scope);
        Thread main = Goroutine.startMain(scope, scope == null ? body : () -> {
            Goroutine.runReportingFailure(body); // a panic decides the status first
            if (scope.claimReport(null)) {
                scope.end(0); // unless a panic, a deadlock or Go.exit decided first
            }
        });
        if (scope != null) {
            return scope.awaitStatus(GRACE);
        }
        boolean interrupted = false;
        while (true) {
            try {
                main.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The Go.run program of the current goroutine if its status is not decided yet, else null. */
    private static Scope liveScope() {
        Scope scope = G.currentScope();
        return scope != null && !scope.ended() ? scope : null;
    }

    /** Whether Go.main runs this program. */
    public static boolean isMain() {
        return mainMode;
    }

    /**
     * The policy in force for the current thread: inside a Go.run program its own choice, else EXIT (the system
     * property's choice wins over that default); UNCAUGHT_EXCEPTION_HANDLER once the program's status is decided;
     * outside any, the process-wide one.
     */
    public static PanicPolicy policy() {
        Scope scope = G.currentScope();
        if (scope != null) {
            return scopePolicy(scope);
        }
        PanicPolicy explicit = explicitPolicy;
        if (explicit != null) {
            return explicit;
        }
        return mainMode ? PanicPolicy.EXIT : PanicPolicy.UNCAUGHT_EXCEPTION_HANDLER;
    }

    private static PanicPolicy scopePolicy(Scope scope) {
        if (scope.ended()) {
            return PanicPolicy.UNCAUGHT_EXCEPTION_HANDLER;
        }
        PanicPolicy explicit = scope.explicitPolicy();
        if (explicit == null) {
            explicit = policyFromProperty();
        }
        return explicit != null ? explicit : PanicPolicy.EXIT;
    }

    /**
     * Chooses the policy explicitly; null restores the default (or the system property's choice). Inside a Go.run
     * program it chooses that program's policy only.
     */
    public static void setPolicy(PanicPolicy policy) {
        Scope scope = G.currentScope();
        if (scope != null) {
            scope.setExplicitPolicy(policy);
        } else {
            explicitPolicy = policy != null ? policy : policyFromProperty();
        }
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
        Scope scope = g.scope();
        if (failure instanceof ProgramExit || scope != null && (scope.isReported(failure)
                || scope.ended() && (failure instanceof Interrupted || failure instanceof InterruptedException))) {
            return; // Go.exit, a report that decided the program's status, a goroutine unwinding at its end
        }
        if (policy() == PanicPolicy.EXIT) {
            if (scope != null) {
                endScope(scope, g, failure);
                return;
            }
            fatalPanic(g, failure);
        }
        if (Jfr.on()) { // first: a handler that throws must not lose the event
            Jfr.panic(g.id(), panicText(failure), failure.getClass(), failure instanceof FatalError, false);
        }
        Thread thread = Thread.currentThread();
        try {
            thread.getUncaughtExceptionHandler().uncaughtException(thread, failure);
        } catch (Throwable handlerFailure) {
            // What the JVM does when a platform thread's handler throws: one line, and the thread ends normally.
            // Left to escape, it would leave the goroutine's virtual thread through the JDK's machinery.
            System.err.println("Exception: " + handlerFailure.getClass().getName()
                    + " thrown from the UncaughtExceptionHandler in thread \"" + thread.getName() + "\"");
        }
    }

    /**
     * Ends the program for a panic that nothing may recover, Go's {@code fatalpanic}: prints
     * {@code panic: <text>} with goroutine {@code g}'s report and exits with status 2 (a {@link FatalError}
     * halts as {@link #fatal} does), whatever the policy; never returns. The EXIT policy's end for a goroutine's
     * escaping exception, and for callers that decided under EXIT that a panic must not reach a {@code catch}.
     */
    public static void fatalPanic(G g, Throwable failure) {
        Scope scope = liveScope();
        if (scope != null) {
            endScope(scope, g, failure);
            throw new ProgramExit();
        }
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
            Scope scope = liveScope();
            if (scope == null) {
                halt(error, G.current());
            }
            endScope(scope, G.current(), error);
        }
        return error;
    }

    /** A Go.run program's end by a failure: the report (once, by whoever decides the status) and status 2. */
    private static void endScope(Scope scope, G g, Throwable failure) {
        if (scope.claimReport(failure)) {
            String headline = failure instanceof FatalError ? "fatal error: " : "panic: ";
            report(headline + panicText(failure), g, failure);
            scope.end(2);
        }
    }

    /**
     * Go's deadlock report: prints {@code fatal error: all goroutines are asleep - deadlock!}, an empty line and
     * the dump of every goroutine (main first), and halts with status 2 without running finally blocks or
     * shutdown hooks; never returns. Only the deadlock detector calls it, once it has proven the deadlock.
     */
    public static void deadlock() {
        printDeadlock(null);
        if (Jfr.on()) {
            deadlockEvent(null);
        }
        haltNow();
    }

    /**
     * Emits the deadlock report's JFR event for program {@code scope} (Go.main's if null): how many goroutines
     * sleep, and what its main waits for.
     */
    private static void deadlockEvent(Scope scope) {
        G main = null;
        for (G g : G.all()) {
            if (g.id() == Goroutine.MAIN_ID && g.scope() == scope) {
                main = g;
            }
        }
        Object on = main == null ? null : main.waitingOn();
        Jfr.deadlock(scope == null ? Goroutine.liveCount() : scope.liveCount(),
                main == null ? null : main.waitReason(), on == null ? null : on.toString());
    }

    /** Runtime.halt(2), after writing the JFR recordings that have a file (the halt skips JFR's shutdown hook). */
    private static void haltNow() {
        if (Jfr.on()) {
            Jfr.beforeHalt();
        }
        Runtime.getRuntime().halt(2);
    }

    /**
     * A Go.run program's deadlock report: the same text with the dump of its goroutines only, then status 2. The
     * deadlock detector calls it for each program it has proven deadlocked.
     */
    public static void deadlock(Scope scope) {
        if (scope.claimReport(null)) {
            printDeadlock(scope);
            if (Jfr.on()) {
                deadlockEvent(scope);
            }
            scope.end(2);
        }
    }

    private static void printDeadlock(Scope scope) {
        StringBuilder text = new StringBuilder("fatal error: all goroutines are asleep - deadlock!\n\n");
        Traceback.dumpScope(text, scope);
        flushStandardStreams();
        System.err.print(text);
        flushStandardStreams();
    }

    /**
     * Ends the program with {@code status}, as Go's os.Exit; never returns. Inside a Go.run program it decides the
     * program's status (unless decided already) and unwinds the calling goroutine with {@link ProgramExit}.
     */
    public static void exit(int status) {
        Scope scope = G.currentScope();
        if (scope != null) {
            if (scope.claimReport(null)) {
                flushStandardStreams();
                scope.end(status);
            }
            throw new ProgramExit();
        }
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
