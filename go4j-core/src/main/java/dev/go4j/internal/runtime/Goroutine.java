package dev.go4j.internal.runtime;

import dev.go4j.Task;
import dev.go4j.internal.clock.ClockScope;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.park.G;
import dev.go4j.internal.park.Scope;
import dev.go4j.internal.sched.Scheduler;
import java.security.CodeSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/*
 * Implementation notes.
 *
 * Starting goroutines. A goroutine is a virtual thread named "goroutine N", run by go4j's scheduler (or the JDK's,
 * see Scheduler), that runs its task inside run(), which binds its G, hands an escaping exception to Program (the
 * panic policy), and unregisters the G.
 *
 * Ids: 1 is reserved for Go.main's goroutine; every other goroutine takes the next id from 2 on, so ids only grow,
 * as in Go (which also never reuses goroutine ids). The live count includes main under Go.main and is decremented
 * after the task has returned, so a goroutine counts until it has really finished (Go's NumGoroutine is the
 * same). A goroutine of a Go.run program (Scope: its parent's) takes its id from the scope instead (main is 1
 * there too) and is counted both in the scope and in the global count, which is the whole JVM's.
 *
 * Where a goroutine came from (G.parentId, and with -Dgo4j.debug.createdBy=true G.createdBy): the creating frame
 * is the first one, walking out from start(), whose class is not go4j-core's own (a class loaded from the same code
 * source as this one), so WaitGroup.go or an errgroup's go name their caller, not themselves. The walk costs
 * several times a spawn, hence the flag.
 *
 * Virtual threads do not inherit InheritableThreadLocal values: goroutines have no parent in Go, and inheriting
 * would copy maps on every spawn. What a goroutine does inherit is its parent's G.inherited slot (the capture
 * scope of testable examples).
 */
public final class Goroutine {
    static final long MAIN_ID = 1;
    private static final AtomicLong NEXT_ID = new AtomicLong(MAIN_ID + 1);
    private static final AtomicInteger LIVE_COUNT = new AtomicInteger();
    /** Whether every start captures the frame that called it (-Dgo4j.debug.createdBy=true). */
    private static final boolean CAPTURE_CREATED_BY = Boolean.getBoolean("go4j.debug.createdBy");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final CodeSource OWN_CODE = Goroutine.class.getProtectionDomain().getCodeSource();
    /** Whether a class is go4j-core's own (loaded from the same code source as this class). */
    private static final ClassValue<Boolean> OWN_CLASS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            CodeSource code = type.getProtectionDomain().getCodeSource();
            return OWN_CODE == null ? type.getPackageName().startsWith("dev.go4j")
                    : code != null && Objects.equals(code.getLocation(), OWN_CODE.getLocation());
        }
    };

    private Goroutine() {
    }

    /** Starts {@code task} as a new goroutine, in the current goroutine's synctest bubble if it has one. */
    public static void start(Task task) {
        G parent = G.currentOrNull();
        if (parent == null) {
            start(NEXT_ID.getAndIncrement(), null, task, null, null);
            return;
        }
        Scope scope = parent.scope();
        start(nextId(scope), parent.inherited(), task, parent.bubble(), scope);
    }

    /** The next id of program {@code scope}, or of the global numbering if null. */
    private static long nextId(Scope scope) {
        return scope == null ? NEXT_ID.getAndIncrement() : scope.nextId();
    }

    /**
     * Creates an unstarted goroutine thread that runs {@code task}, for a ThreadFactory: numbered now, in the
     * creating goroutine's program, but registered and counted only once its thread runs, so a thread that is
     * never started leaves nothing behind. Not in a synctest bubble.
     */
    public static Thread newUnstarted(Task task) {
        GoRuntimeBean.goroutineStarting();
        G parent = G.currentOrNull();
        Scope scope = parent == null ? null : parent.scope();
        long id = nextId(scope);
        G g = G.newGoroutine(id, parent == null ? null : parent.inherited(),
                CAPTURE_CREATED_BY ? creatingFrame() : null, null, scope);
        return Scheduler.newGoroutineThread("goroutine " + id, () -> {
            register(g, Thread.currentThread());
            run(g, task);
        });
    }

    /**
     * Starts {@code task} as goroutine 1 of a program and returns its thread: of Go.main's process-wide program if
     * {@code scope} is null, else of the Go.run program {@code scope}.
     */
    static Thread startMain(Scope scope, Task task) {
        if (scope == null) {
            Program.enterMain();
            return start(MAIN_ID, null, task, null, null);
        }
        return start(scope.nextId(), G.currentInherited(), task, null, scope); // the launcher's Inherited values
    }

    /** Starts {@code task} as the root goroutine of synctest bubble {@code bubble} and returns its thread. */
    public static Thread startInBubble(Bubble bubble, Task task) {
        Scope scope = G.currentScope();
        return start(nextId(scope), G.currentInherited(), task, bubble, scope);
    }

    /** Ids handed out so far: grows with every goroutine started, for the deadlock detector's epoch. */
    public static long started() {
        return NEXT_ID.get();
    }

    /** The number of live goroutines of the whole JVM (including main under Go.main and every Go.run's). */
    public static int liveCount() {
        return LIVE_COUNT.get();
    }

    /**
     * The number of live goroutines the current thread sees, Go's NumGoroutine: its Go.run program's if it is a
     * goroutine of one, else the whole JVM's.
     */
    public static int visibleCount() {
        Scope scope = G.currentScope();
        return scope == null ? LIVE_COUNT.get() : scope.liveCount();
    }

    private static Thread start(long id, Object inherited, Task task, Bubble bubble, Scope scope) {
        GoRuntimeBean.goroutineStarting(); // the first start registers dev.go4j:type=Runtime, in the background
        G g = G.newGoroutine(id, inherited, CAPTURE_CREATED_BY ? creatingFrame() : null, bubble, scope);
        Runnable body = () -> run(g, task);
        String name = "goroutine " + id;
        Thread thread = bubble == null ? Scheduler.newGoroutineThread(name, body)
                : bubble.carrier().newThread(name, body);
        register(g, thread);
        if (bubble != null) {
            bubble.goroutineCreated(thread);
        }
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            exited(g);
            throw e;
        }
        if (bubble != null) {
            Bubble.point("go", null); // an exploring bubble chooses whether the parent or the child goes on
        }
        return thread;
    }

    /** The frame that asked for the goroutine: the innermost one outside go4j-core. */
    private static StackTraceElement creatingFrame() {
        return WALKER.walk(frames -> frames.filter(f -> !OWN_CLASS.get(f.getDeclaringClass()))
                .findFirst()
                .map(StackWalker.StackFrame::toStackTraceElement)
                .orElse(null));
    }

    private static void run(G g, Task task) {
        g.enter();
        Bubble bubble = g.bubble();
        if (bubble != null) {
            ClockScope.bind(bubble.clock());
            bubble.goroutineStarted(g.thread());
        }
        try {
            runReportingFailure(g, task);
        } finally {
            if (bubble != null) {
                bubble.goroutineExited(g.thread());
            }
            exited(g);
        }
    }

    /** Registers {@code g} with its thread and counts it, globally and in its scope. */
    private static void register(G g, Thread thread) {
        g.attach(thread);
        LIVE_COUNT.incrementAndGet();
        Scope scope = g.scope();
        if (scope != null) {
            scope.goroutineStarting();
        }
    }

    /** Unregisters {@code g} and uncounts it, globally and in its scope. */
    private static void exited(G g) {
        g.exit();
        LIVE_COUNT.decrementAndGet();
        Scope scope = g.scope();
        if (scope != null) {
            scope.goroutineExited();
        }
    }

    /**
     * Runs {@code task} on the current goroutine; an exception it throws goes to the panic policy (which may end
     * the process). Returns normally otherwise, so callers can run clean-up that must follow the report.
     */
    public static void runReportingFailure(Task task) {
        runReportingFailure(G.current(), task);
    }

    private static void runReportingFailure(G g, Task task) {
        try {
            task.run();
        } catch (Throwable failure) {
            Bubble bubble = g.bubble();
            if (bubble != null) {
                bubble.goroutineFailed(failure); // the bubble's test fails with it, as Go's test binary would
            } else {
                Program.goroutineFailed(g, failure);
            }
        }
    }
}
