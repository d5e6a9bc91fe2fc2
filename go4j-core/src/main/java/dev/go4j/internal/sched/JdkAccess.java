package dev.go4j.internal.sched;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;

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
 *                                                  platform thread), which tells the executor who is calling;
 *   VirtualThread.carrierThread                    the field naming a virtual thread's carrier while it is
 *                                                  mounted, which tells a dump running from runnable.
 *
 * Reaching them needs java.lang opened to the module that calls setAccessible: this class's module, so
 * "--add-opens java.base/java.lang=dev.go4j" on the module path and "=ALL-UNNAMED" on the class path (an
 * Add-Opens manifest attribute works only in an application's own java -jar jar). The class checks with
 * Module.isOpen which applies and, if the access is missing or a signature changed, fails closed: available()
 * is false and unavailableReason() says why, so go4j falls back to the JDK's scheduler. Everything else in
 * go4j uses only the two methods below, so this class is what changes when the JDK's custom-scheduler API (the
 * Loom prototype's onStart/onContinue hooks) ships.
 *
 * The deadlock report and the signal API read a few more internals, each on its own (Probes, SignalAccess) so
 * that one that fails (a renamed field) costs only its own feature, which then fails closed (the report is not
 * made, the API says it is unavailable):
 *
 *   VirtualThread.DEFAULT_SCHEDULER                the JDK's scheduler: whether it ever ran a virtual thread,
 *                                                  which go4j's registry would then not see
 *   ApplicationShutdownHooks.hooks                 the application's shutdown hooks
 *   Terminator.handler                             the JDK's own handler of INT, TERM and HUP (run the hooks,
 *                                                  exit), to tell it from an application's
 *   the runContinuation task's captured thread     which virtual thread a task submitted to go4j's scheduler
 *                                                  runs (a virtual thread a goroutine started by other means)
 *   sun.misc.Signal (jdk.unsupported)              handling signals: the signal API, and reading which handler a
 *                                                  signal has, which only swapping one in can tell (SignalAccess)
 *
 * The JDK's contract for such an executor, which Scheduler keeps: execute() must not block or park (on JDK 25 it
 * runs with the caller's continuation pinned; on JDK 21 a park inside it consumes the caller's park permit), must
 * not run the task inline, and must not throw RejectedExecutionException (the JDK would strand the thread).
 */

/** Access to the JDK's virtual-thread internals; see the implementation notes. */
public final class JdkAccess {
    private static final MethodHandle NEW_BUILDER;
    private static final MethodHandle CURRENT_CARRIER;
    private static final VarHandle CARRIER_OF;
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

    /**
     * Whether virtual thread {@code thread} is mounted on a carrier now (a racy snapshot); false when go4j cannot
     * tell ({@link #available()} is false).
     */
    public static boolean isMounted(Thread thread) {
        return CARRIER_OF != null && thread.isVirtual() && CARRIER_OF.getOpaque(thread) != null;
    }

    /**
     * Whether the JDK's own virtual-thread scheduler has ever run a virtual thread (or has one queued): then there
     * may be virtual threads go4j cannot see. True when go4j cannot tell.
     */
    public static boolean jdkSchedulerUsed() {
        ForkJoinPool pool = Probes.defaultScheduler();
        return pool == null || pool.getStealCount() > 0 || pool.getPoolSize() > 0
                || pool.hasQueuedSubmissions() || pool.getQueuedTaskCount() > 0;
    }

    /** The application's shutdown hooks (unstarted threads), or null if go4j cannot tell. */
    public static List<Thread> shutdownHooks() {
        return Probes.shutdownHooks();
    }

    /**
     * The virtual thread that {@code task} (a task submitted to go4j's scheduler by a virtual thread's start or
     * unpark) runs, or null if go4j cannot tell.
     */
    public static Thread virtualThreadOf(Runnable task) {
        return Probes.threadCapturedBy(task);
    }

    /** The JDK's handler of INT, TERM and HUP (Terminator's), or null if go4j cannot tell. */
    static Object jdkTerminationHandler() {
        return Probes.terminatorHandler();
    }

    /**
     * Makes {@code onSignal} the handler of signal {@code name} ("INT", "TERM", …; Java's names, without "SIG"),
     * run on the JDK's signal dispatcher thread, and returns the previous handler for {@link #restoreSignal}.
     *
     * @throws IllegalArgumentException if the signal is unknown or the JVM reserves it
     * @throws UnsupportedOperationException if this JVM has no sun.misc.Signal (module jdk.unsupported)
     */
    public static Object handleSignal(String name, Runnable onSignal) {
        return SignalAccess.handle(name, SignalAccess.handler(onSignal, true));
    }

    /** Gives signal {@code name} back the handler that {@link #handleSignal} returned. */
    public static void restoreSignal(String name, Object previous) {
        SignalAccess.handle(name, previous);
    }

    /**
     * How many of the signals a program commonly handles have a handler other than the default, ignoring, the
     * JDK's own (run the shutdown hooks and exit) or one installed by {@link #handleSignal}: an application's
     * handler, which could wake a goroutine. -1 if go4j cannot tell. It can tell only by swapping a forwarding
     * handler in and the old one straight back (sun.misc.Signal has no read), so call it rarely: the deadlock
     * report calls it once, when every other condition holds. A signal that arrives meanwhile is handed to the
     * old handler (or, for the default action, raised again once it is back).
     */
    public static int applicationSignalHandlers() {
        return SignalAccess.applicationHandlers();
    }

    /** Signal handling through sun.misc.Signal, by reflection (module jdk.unsupported); see the notes. */
    private static final class SignalAccess {
        /**
         * The signals whose handlers the deadlock report checks: those Java programs handle, and that the JVM does
         * not use itself (HotSpot suspends threads with USR2 on Linux, so probing it is never done).
         */
        private static final String[] CHECKED = {"HUP", "INT", "TERM", "USR1", "WINCH", "ALRM", "CONT"};
        private static final Class<?> SIGNAL;
        private static final Class<?> HANDLER;
        private static final java.lang.reflect.Method HANDLE;
        private static final java.lang.reflect.Method RAISE;
        private static final Object SIG_DFL;
        private static final Object SIG_IGN;
        /** sun.misc's wrapper of a JDK-internal handler, and its field holding that handler. */
        private static final Field WRAPPED;
        /** Handlers made by handler(..., true): go4j's own. */
        private static final java.util.Set<Object> OWN = java.util.Collections.newSetFromMap(
                new java.util.concurrent.ConcurrentHashMap<>());

        static {
            Class<?> signal = null;
            Class<?> handler = null;
            java.lang.reflect.Method handle = null;
            java.lang.reflect.Method raise = null;
            Object dfl = null;
            Object ign = null;
            Field wrapped = null;
            try {
                signal = Class.forName("sun.misc.Signal");
                handler = Class.forName("sun.misc.SignalHandler");
                handle = signal.getMethod("handle", signal, handler);
                raise = signal.getMethod("raise", signal);
                dfl = handler.getField("SIG_DFL").get(null);
                ign = handler.getField("SIG_IGN").get(null);
                wrapped = Class.forName("sun.misc.Signal$SunMiscHandler").getDeclaredField("iHandler");
                wrapped.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                handle = null;
            }
            SIGNAL = signal;
            HANDLER = handler;
            HANDLE = handle;
            RAISE = raise;
            SIG_DFL = dfl;
            SIG_IGN = ign;
            WRAPPED = handle == null ? null : wrapped;
        }

        /** A sun.misc.SignalHandler running {@code action}; {@code own}: counted as go4j's. */
        static Object handler(Runnable action, boolean own) {
            if (HANDLE == null) {
                throw new UnsupportedOperationException("this JVM cannot handle signals (no sun.misc.Signal)");
            }
            Object handler = java.lang.reflect.Proxy.newProxyInstance(HANDLER.getClassLoader(),
                    new Class<?>[] {HANDLER}, (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "go4j signal handler";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            if (own) {
                OWN.add(handler);
            }
            return handler;
        }

        static Object handle(String name, Object handler) {
            if (HANDLE == null) {
                throw new UnsupportedOperationException("this JVM cannot handle signals (no sun.misc.Signal)");
            }
            try {
                Object signal = SIGNAL.getConstructor(String.class).newInstance(name);
                return HANDLE.invoke(null, signal, handler);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof IllegalArgumentException illegal) {
                    throw illegal;
                }
                throw new IllegalStateException("cannot handle signal " + name, e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot handle signal " + name, e);
            }
        }

        static int applicationHandlers() {
            Object jdkHandler = jdkTerminationHandler();
            if (HANDLE == null || WRAPPED == null || jdkHandler == null) {
                return -1;
            }
            int count = 0;
            for (String name : CHECKED) {
                try {
                    if (isApplicationHandler(probe(name), jdkHandler)) {
                        count++;
                    }
                } catch (IllegalArgumentException reservedOrUnknown) {
                    // the JVM keeps this signal (or the OS has no such signal): no application handler
                } catch (RuntimeException | IllegalAccessException e) {
                    return -1;
                }
            }
            return count;
        }

        /**
         * Whether {@code handler} (as sun.misc returns it) is an application's Java handler: not the default, not
         * ignoring, not go4j's, not the JDK's Terminator handler, and not a native one (a wrapped
         * jdk.internal.misc.Signal$NativeHandler: the OS default, or one the JVM or a native library installed,
         * which runs no Java code).
         */
        private static boolean isApplicationHandler(Object handler, Object jdkHandler) throws IllegalAccessException {
            if (handler == SIG_DFL || handler == SIG_IGN || OWN.contains(handler)) {
                return false;
            }
            if (!WRAPPED.getDeclaringClass().isInstance(handler)) {
                return true; // an application's sun.misc.SignalHandler
            }
            Object wrapped = WRAPPED.get(handler);
            return wrapped != jdkHandler
                    && !wrapped.getClass().getName().equals("jdk.internal.misc.Signal$NativeHandler");
        }

        /**
         * Swaps a forwarding handler in and the old one back; returns the old one. A signal that reaches the
         * forwarder (on the thread the JDK starts per signal) waits until the old handler is back, then goes to
         * it.
         */
        private static Object probe(String name) {
            AtomicReference<Object> restored = new AtomicReference<>();
            Object forwarder = handler(() -> {
                Object old;
                while ((old = restored.get()) == null) {
                    Thread.onSpinWait();
                }
                redeliver(name, old);
            }, false);
            Object previous = handle(name, forwarder);
            handle(name, previous);
            restored.set(previous);
            return previous;
        }

        /** Hands a signal that reached the forwarder to the handler it belonged to. */
        private static void redeliver(String name, Object handler) {
            if (handler == SIG_IGN) {
                return;
            }
            try {
                Object signal = SIGNAL.getConstructor(String.class).newInstance(name);
                if (handler == SIG_DFL) {
                    RAISE.invoke(null, signal);
                } else {
                    HANDLER.getMethod("handle", SIGNAL).invoke(handler, signal);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // nothing better to do with a signal whose handler failed
            }
        }
    }

    /** The internals the deadlock report reads; see the notes. Each getter fails closed. */
    private static final class Probes {
        private static final VarHandle DEFAULT_SCHEDULER = staticField("java.lang.VirtualThread",
                "DEFAULT_SCHEDULER", ForkJoinPool.class);
        private static final VarHandle HOOKS = staticField("java.lang.ApplicationShutdownHooks", "hooks",
                IdentityHashMap.class);
        private static final VarHandle TERMINATOR_HANDLER = terminatorHandlerField();
        /** The field of a runContinuation task's class that holds its thread, or null. */
        private static final ClassValue<Field> CAPTURED_THREAD = new ClassValue<>() {
            @Override
            protected Field computeValue(Class<?> type) {
                if (!available()) {
                    return null;
                }
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && Thread.class.isAssignableFrom(field.getType())) {
                        try {
                            field.setAccessible(true);
                            return field;
                        } catch (RuntimeException e) {
                            return null;
                        }
                    }
                }
                return null;
            }
        };

        static ForkJoinPool defaultScheduler() {
            return DEFAULT_SCHEDULER == null ? null : (ForkJoinPool) DEFAULT_SCHEDULER.get();
        }

        static List<Thread> shutdownHooks() {
            if (HOOKS == null) {
                return null;
            }
            IdentityHashMap<?, ?> hooks = (IdentityHashMap<?, ?>) HOOKS.getVolatile();
            if (hooks == null) {
                return null; // the JVM is shutting down
            }
            try {
                List<Thread> threads = new ArrayList<>();
                for (Object hook : hooks.keySet().toArray()) {
                    threads.add((Thread) hook);
                }
                return threads;
            } catch (RuntimeException concurrentlyChanged) {
                return null;
            }
        }

        static Object terminatorHandler() {
            return TERMINATOR_HANDLER == null ? null : TERMINATOR_HANDLER.getVolatile();
        }

        static Thread threadCapturedBy(Runnable task) {
            Field field = CAPTURED_THREAD.get(task.getClass());
            if (field == null) {
                return null;
            }
            try {
                return (Thread) field.get(task);
            } catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
        }

        private static VarHandle staticField(String className, String name, Class<?> type) {
            if (!available()) {
                return null;
            }
            try {
                Class<?> owner = Class.forName(className);
                return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findStaticVarHandle(owner, name,
                        type);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        private static VarHandle terminatorHandlerField() {
            try {
                return staticField("java.lang.Terminator", "handler",
                        Class.forName("jdk.internal.misc.Signal$Handler"));
            } catch (ClassNotFoundException | RuntimeException e) {
                return null;
            }
        }
    }

    static {
        MethodHandle newBuilder = null;
        MethodHandle currentCarrier = null;
        VarHandle carrierOf = null;
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
                Class<?> virtualThread = Class.forName("java.lang.VirtualThread");
                carrierOf = MethodHandles.privateLookupIn(virtualThread, MethodHandles.lookup())
                        .findVarHandle(virtualThread, "carrierThread", Thread.class);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = "this JDK's virtual threads cannot take go4j's scheduler (" + e + ")";
            newBuilder = null;
            currentCarrier = null;
            carrierOf = null;
        }
        NEW_BUILDER = newBuilder;
        CURRENT_CARRIER = currentCarrier;
        CARRIER_OF = carrierOf;
        UNAVAILABLE = unavailable;
    }
}
