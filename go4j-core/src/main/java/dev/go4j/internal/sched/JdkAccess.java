package dev.go4j.internal.sched;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;

/*
 * Implementation notes.
 *
 * The one class of go4j that touches JDK internals (the testing kit's controlled carrier reuses it). JDK 21-25 have
 * no public API for a virtual thread with a scheduler of one's own; two package-private members of java.lang do
 * the job:
 *
 *   ThreadBuilders.VirtualThreadBuilder(Executor)  a Thread.Builder.OfVirtual whose threads are run by the given
 *                                                  executor: every start and unpark hands the thread's
 *                                                  runContinuation task to execute(), and whichever platform
 *                                                  thread runs that task is its carrier;
 *   Thread.currentCarrierThread()                  the platform thread the current thread runs on (itself for a
 *                                                  platform thread), which tells the executor who is calling.
 *
 * Reaching them needs java.lang opened to the module that calls setAccessible: this class's module, so
 * "--add-opens java.base/java.lang=dev.go4j" on the module path and "=ALL-UNNAMED" on the class path (an
 * Add-Opens manifest attribute works only in an application's own java -jar jar). The class checks with
 * Module.isOpen which applies and, if the access is missing or a signature changed, fails closed: available()
 * is false and unavailableReason() says why, so go4j falls back to the JDK's scheduler. Everything else in
 * go4j uses only the two methods below, so this class is what changes when the JDK's custom-scheduler API (the
 * Loom prototype's onStart/onContinue hooks) ships.
 *
 * The JDK's contract for such an executor, which Scheduler keeps: execute() must not block or park (on JDK 25 it
 * runs with the caller's continuation pinned; on JDK 21 a park inside it consumes the caller's park permit), must
 * not run the task inline, and must not throw RejectedExecutionException (the JDK would strand the thread).
 */

/** Access to the JDK's virtual-thread internals; see the implementation notes. */
public final class JdkAccess {
    private static final MethodHandle NEW_BUILDER;
    private static final MethodHandle CURRENT_CARRIER;
    private static final String UNAVAILABLE;

    private JdkAccess() {
    }

    /** True if go4j can give virtual threads a scheduler of its own on this JVM. */
    public static boolean available() {
        return UNAVAILABLE == null;
    }

    /** Why {@link #available()} is false (naming the flag to add), or null if it is true. */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** The {@code --add-opens} option that gives this class its access, for messages. */
    public static String addOpensFlag() {
        Module self = JdkAccess.class.getModule();
        return "--add-opens java.base/java.lang=" + (self.isNamed() ? self.getName() : "ALL-UNNAMED");
    }

    /**
     * A new, unstarted virtual thread named {@code name} that runs {@code task} and is scheduled by
     * {@code scheduler}; it does not inherit inheritable thread-locals.
     *
     * @throws IllegalStateException if {@link #available()} is false
     */
    public static Thread newVirtualThread(Executor scheduler, String name, Runnable task) {
        if (NEW_BUILDER == null) {
            throw new IllegalStateException(UNAVAILABLE);
        }
        Thread.Builder.OfVirtual builder;
        try {
            builder = (Thread.Builder.OfVirtual) NEW_BUILDER.invokeExact(scheduler);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot make a virtual thread with go4j's scheduler", t);
        }
        return builder.name(name).inheritInheritableThreadLocals(false).unstarted(task);
    }

    /** The platform thread the current thread runs on: its carrier, or itself for a platform thread. */
    public static Thread currentCarrier() {
        try {
            return (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("Thread.currentCarrierThread failed", t);
        }
    }

    static {
        MethodHandle newBuilder = null;
        MethodHandle currentCarrier = null;
        String unavailable = null;
        try {
            Module self = JdkAccess.class.getModule();
            if (!Thread.class.getModule().isOpen("java.lang", self)) {
                unavailable = "java.lang is not open to " + (self.isNamed() ? "module " + self.getName()
                        : "the class path") + "; run with " + addOpensFlag();
            } else {
                Class<?> builderClass = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
                Constructor<?> constructor = builderClass.getDeclaredConstructor(Executor.class);
                constructor.setAccessible(true);
                newBuilder = MethodHandles.lookup().unreflectConstructor(constructor)
                        .asType(MethodType.methodType(Thread.Builder.OfVirtual.class, Executor.class));
                currentCarrier = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                        .findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = "this JDK's virtual threads cannot take go4j's scheduler (" + e + ")";
            newBuilder = null;
            currentCarrier = null;
        }
        NEW_BUILDER = newBuilder;
        CURRENT_CARRIER = currentCarrier;
        UNAVAILABLE = unavailable;
    }
}
