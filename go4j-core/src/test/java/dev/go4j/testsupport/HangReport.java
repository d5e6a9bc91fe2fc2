package dev.go4j.testsupport;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Names what is stuck when a test hangs. When JUnit's timeout fires (the default one of
 * {@code junit-platform.properties}, or a {@code @Timeout}), the test fails with an {@link AssertionError} whose
 * message is JUnit's timeout message followed by a {@linkplain GoroutineDump goroutine dump}: every goroutine with
 * its wait reason, what it waits on, and its stack. The same goes for a test that fails with a
 * {@link TimeoutException} of its own (a bare {@code future.get(timeout, unit)}).
 *
 * <p>JUnit registers it for every test by itself: the service file
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} names it, and
 * {@code junit.jupiter.extensions.autodetection.enabled=true} turns on the lookup; both ship in go4j-core's
 * test-jar, which the other modules' tests depend on. {@link HangReportTest} proves it works.
 */
public final class HangReport
        implements PreInterruptCallback, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    /**
     * The configuration parameter that, when {@code false}, keeps the dump out of {@code System.err} (it still goes
     * into the failure); {@link HangReportTest} sets it for the hangs it causes on purpose.
     */
    public static final String PRINT_PARAMETER = "go4j.test.hangReport.print";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HangReport.class);
    private static final String DUMP = "dump";

    /** For ServiceLoader. */
    public HangReport() {
    }

    /*
     * How JUnit 6.1 reports a timeout: its timer thread calls this callback, then interrupts the thread running
     * the method (thread mode SAME_THREAD, the default); when the method has returned or thrown, JUnit throws a
     * TimeoutException ("m() timed out after 2 minutes") with what the method threw, typically go4j's Interrupted,
     * as a suppressed exception. In thread mode SEPARATE_THREAD it calls this callback and throws a
     * TimeoutException without waiting for the method. Either way the dump is taken here, while the goroutines
     * still stand where they hung: the interrupt that follows unblocks the test thread and lets others move on.
     * It goes to System.err at once too, so that a test that never responds to the interrupt (and so never ends)
     * still leaves it in the log.
     */
    @Override
    public void beforeThreadInterrupt(PreInterruptContext preInterrupt, ExtensionContext context) {
        String dump = GoroutineDump.of(preInterrupt.getThreadToInterrupt());
        context.getStore(NAMESPACE).put(DUMP, dump);
        if (context.getConfigurationParameter(PRINT_PARAMETER, Boolean::parseBoolean).orElse(true)) {
            System.err.println("HangReport: " + context.getUniqueId() + " timed out; " + dump);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw report(context, failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw report(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw report(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw report(context, failure);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw report(context, failure);
    }

    /** {@code failure} with the dump in its message if the method timed out, else {@code failure} itself. */
    private static Throwable report(ExtensionContext context, Throwable failure) {
        String dump = context.getStore(NAMESPACE).remove(DUMP, String.class);
        if (dump == null) {
            if (!hasTimeout(failure, Collections.newSetFromMap(new IdentityHashMap<>()))) {
                return failure;
            }
            dump = GoroutineDump.of(null);
        }
        return new AssertionError(failure.getMessage() + "\n" + dump, failure);
    }

    /** True if {@code t}, one of its causes or one of their suppressed exceptions is a TimeoutException. */
    private static boolean hasTimeout(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof TimeoutException) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (hasTimeout(suppressed, seen)) {
                return true;
            }
        }
        return hasTimeout(t.getCause(), seen);
    }
}
