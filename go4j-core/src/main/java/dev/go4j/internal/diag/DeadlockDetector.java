package dev.go4j.internal.diag;

import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.park.G;
import dev.go4j.internal.park.LeakWatch;
import dev.go4j.internal.park.Quiescence;
import dev.go4j.internal.park.RuntimeLock;
import dev.go4j.internal.park.Scope;
import dev.go4j.internal.park.Waiter;
import dev.go4j.internal.runtime.GoRuntimeBean;
import dev.go4j.internal.runtime.Goroutine;
import dev.go4j.internal.runtime.Program;
import dev.go4j.internal.sched.JdkAccess;
import dev.go4j.internal.sched.Scheduler;
import dev.go4j.internal.time.TimerHeap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/*
 * Implementation notes.
 *
 * Go's checkdead for Go.main programs: when no goroutine can ever run again, print "fatal error: all goroutines
 * are asleep - deadlock!", the goroutine dump, and halt with status 2. Zero false positives is the rule, so the
 * report needs every one of these, twice, 100 ms apart, with nothing parked or woken in between (the epoch):
 *
 *   1. every goroutine waits in go4j's park path with a wait reason, without a deadline, and its thread is parked
 *      (WAITING), or was collected while it was (a leak: LeakWatch); the goroutine count agrees with the registry
 *      plus the leaks already found (unregistered, still live);
 *   2. no external waker is registered (a pending Chan.fromStage stage, a call under Context.interruptOnDone, a
 *      Signal.notify channel: Quiescence);
 *   3. go4j's scheduler runs nothing and queues nothing; every virtual thread goroutines started by other means
 *      (tracked by the scheduler from watch() on) waits in go4j likewise; the JDK's own scheduler never ran a
 *      virtual thread (those go4j cannot see);
 *   4. no timer of the real-time heap can fire (Go 1.23: a channel timer nobody waits on is not in the heap, so
 *      an unobserved timer does not count; an afterFunc timer or a context deadline does), and its thread is not
 *      firing one;
 *   5. every live platform thread is go4j's (the launcher in Go.main, carriers, monitor, timer thread, this one,
 *      the MBean's registration thread and the timers' warm-up thread, which wake no goroutine)
 *      or one of the JDK's service threads on ALLOWED_JDK_THREADS;
 *   6. no shutdown hook but the JDK's own is registered, and no signal has an application's handler (the Java
 *      idiom for Go's signal.Notify(c, os.Interrupt); <-c is a hook or a handler that closes a channel, and Go
 *      never reports that program). Whatever go4j cannot read (no JDK access, an unknown JDK) means no report.
 *
 * The cheap first test runs every 100 ms: parked goroutines (Quiescence) at least the live count. Only then are
 * the conditions checked, which walks the registry; the signal check, which swaps handlers,
 * runs last and once per epoch. A deadlock is reported within about 300 ms.
 *
 * Programs. One detector thread watches every program of the JVM at once: Go.main's (the process) and each
 * Go.run's (a Scope), from watch() until the program's status is decided; it ends when none is left, and the next
 * watch() starts a new one. The conditions above stay global: a goroutine of one program, a library-mode goroutine
 * or a platform thread may hold a channel another program's goroutines wait on, and go4j cannot see who holds
 * what, so a program is reported only when the whole JVM is asleep; then every program watched is deadlocked, and
 * each gets its own report (the dump of its own goroutines) and ends with status 2, or, for Go.main, the report
 * of every goroutine and the halt. The launchers of the programs watched (waiting for their status) count as
 * go4j's threads under 5. So a Go.run program that deadlocks while another program, a goroutine outside it or an
 * application's platform thread may still run is not reported (it waits, as a Go program's deadlocked part does
 * while other goroutines run): zero false positives over completeness, as in Go's checkdead.
 *
 * On the JDK's scheduler (the fallback) go4j cannot see virtual threads started by other means nor whether a
 * goroutine is queued, so the report is off unless -Dgo4j.deadlock=on asks for it; it is then unsound for
 * programs that start virtual threads of their own (documented). -Dgo4j.deadlock=off turns it off everywhere.
 */

/** Go's deadlock report for Go.main and Go.run programs; see the implementation notes. */
public final class DeadlockDetector {
    /** -Dgo4j.debug.deadlock=true: say on standard error why there is no report, each time the reason changes. */
    private static final boolean DEBUG = Boolean.getBoolean("go4j.debug.deadlock");
    private static final Duration POLL = Duration.ofMillis(100);
    /** The JDK's service threads that never run application code, by name. */
    private static final Set<String> ALLOWED_JDK_THREADS = Set.of(
            "Reference Handler", "Finalizer", "Signal Dispatcher", "Common-Cleaner", "Attach Listener",
            "Notification Thread", "DestroyJavaVM", "VirtualThread-unparker", "VirtualThread-unblocker",
            "MasterPoller", "Read-Poller", "Write-Poller", "JFR Recorder Thread", "JFR Periodic Tasks",
            "JFR Recording Scheduler");
    /** The JDK's own shutdown hooks, by thread class (java.util.logging's) or name (JFR's). */
    private static final Set<String> JDK_SHUTDOWN_HOOKS = Set.of("java.util.logging.LogManager$Cleaner",
            "JFR Shutdown Hook");

    /** Guards WATCHED and running; held for a few list operations only, never while checking. */
    private static final RuntimeLock LOCK = new RuntimeLock();
    /** The programs watched whose status is not decided; guarded by LOCK. */
    private static final List<Watched> WATCHED = new ArrayList<>();
    /** Whether a detector thread runs; guarded by LOCK. */
    private static boolean running;

    private final Scheduler scheduler;
    private final Thread self;
    /** The epoch of the last signal check and its answer, so a stable state swaps handlers only once. */
    private Epoch signalsCheckedAt;
    private boolean signalsClear;
    /** Why signalsClear() said no, for debug(). */
    private String signalReason;
    /** The reason debug() printed last. */
    private String lastReason;

    private DeadlockDetector(Scheduler scheduler) {
        this.scheduler = scheduler;
        this.self = new Thread(this::run, "go4j-deadlock");
        self.setDaemon(true);
    }

    /** What -Dgo4j.deadlock asks for. */
    private enum Mode {
        AUTO, ON, OFF
    }

    /** A program watched: its launcher (the thread that waits for its status) and its scope (null: Go.main's). */
    private record Watched(Thread launcher, Scope scope) {
        boolean ended() {
            return scope != null && scope.ended();
        }
    }

    /**
     * Starts watching the program {@code scope} (Go.main's if null) whose launcher, the thread that waits for its
     * status, is the current thread, if the mode and the scheduler allow it. Call before the main goroutine
     * starts, so the scheduler records the virtual threads goroutines start by other means from the beginning.
     */
    public static void watch(Scope scope) {
        Mode mode = mode();
        Scheduler scheduler = Scheduler.installed();
        if (mode == Mode.OFF || mode == Mode.AUTO && scheduler == null) {
            return;
        }
        if (scheduler != null) {
            scheduler.trackForeignThreads();
        }
        LOCK.lock();
        try {
            WATCHED.add(new Watched(Thread.currentThread(), scope));
            if (running) {
                return;
            }
            running = true;
        } finally {
            LOCK.unlock();
        }
        new DeadlockDetector(scheduler).self.start();
    }

    /** The programs still watched, after forgetting the ended ones; null (and the thread should end) if none. */
    private static List<Watched> watched() {
        LOCK.lock();
        try {
            WATCHED.removeIf(Watched::ended);
            if (WATCHED.isEmpty()) {
                running = false;
                return null;
            }
            return List.copyOf(WATCHED);
        } finally {
            LOCK.unlock();
        }
    }

    private static Mode mode() {
        String value = System.getProperty("go4j.deadlock", "auto").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> Mode.AUTO;
            case "on", "true" -> Mode.ON;
            case "off", "false" -> Mode.OFF;
            default -> throw new IllegalArgumentException(
                    "go4j.deadlock must be auto, on or off, not \"" + value + "\"");
        };
    }

    /** What must not change between the two checks. */
    private record Epoch(long waits, long started, int live) {
        static Epoch now(List<Watched> programs) {
            long started = Goroutine.started();
            for (Watched program : programs) {
                started += program.scope == null ? 0 : program.scope.started();
            }
            return new Epoch(Quiescence.epoch(), started, Goroutine.liveCount());
        }
    }

    private void run() {
        List<Watched> programs;
        while ((programs = watched()) != null) {
            sleep();
            String alive = mayBeDeadlocked() ? null : "a goroutine runs, or waits outside go4j or with a deadline";
            Epoch before = Epoch.now(programs);
            if (alive == null) {
                alive = whyNotDeadlocked(programs);
            }
            if (alive != null) {
                debug(alive);
                continue;
            }
            sleep();
            Epoch after = Epoch.now(programs);
            if (!after.equals(before)) {
                continue;
            }
            alive = whyNotDeadlocked(programs);
            if (alive == null && !signalsClear(after)) {
                alive = signalReason;
            }
            if (alive != null) {
                debug(alive);
                continue;
            }
            report(programs);
        }
    }

    /** Reports the deadlock to every program watched: Go.main's halts the JVM; each Go.run's ends with 2. */
    private static void report(List<Watched> programs) {
        for (Watched program : programs) {
            if (program.scope == null) {
                Program.deadlock();
            }
        }
        for (Watched program : programs) {
            Program.deadlock(program.scope);
        }
    }

    private void debug(String reason) {
        if (DEBUG && !reason.equals(lastReason)) {
            lastReason = reason;
            System.err.println("go4j: every goroutine is parked, but no deadlock report: " + reason);
        }
    }

    private static void sleep() {
        new Waiter().await(null, DeadlockDetector.class, Deadline.after(POLL), false);
    }

    /** The cheap test: as many goroutines parked with a reason as are live. */
    private static boolean mayBeDeadlocked() {
        int live = Goroutine.liveCount();
        return live > 0 && Quiescence.parkedGoroutines() >= live;
    }

    /** Null if conditions 1 to 5 and the shutdown hooks of 6 hold; else what keeps the program alive. */
    private String whyNotDeadlocked(List<Watched> programs) {
        if (Quiescence.externalWakers() != 0) {
            return "an external waker is registered";
        }
        if (scheduler != null) {
            if (!scheduler.quiescent()) {
                return "the scheduler has work";
            }
            if (JdkAccess.jdkSchedulerUsed()) {
                return "the JDK's scheduler ran virtual threads go4j cannot see";
            }
            List<Thread> foreign = scheduler.foreignThreads();
            if (foreign == null) {
                return "go4j cannot tell which virtual threads goroutines started";
            }
            for (Thread thread : foreign) {
                G g = G.of(thread);
                if (g == null || !asleep(g)) {
                    return "virtual thread " + thread + " is not asleep in go4j";
                }
            }
        }
        int goroutines = 0;
        for (G g : G.all()) {
            if (g.id() == 0) {
                continue; // threads go4j did not start: checked below as threads
            }
            goroutines++;
            if (!asleep(g)) {
                return "goroutine " + g.id() + " is not asleep";
            }
        }
        if (goroutines + LeakWatch.found() != Goroutine.liveCount()) { // found leaks: unregistered, still live
            return "a goroutine is starting or ending";
        }
        if (!TimerHeap.real().idle()) {
            return "a timer may fire";
        }
        String thread = unaccountedPlatformThread(programs);
        if (thread != null) {
            return "platform thread \"" + thread + "\" may run";
        }
        List<Thread> hooks = JdkAccess.shutdownHooks();
        if (hooks == null) {
            return "go4j cannot read the shutdown hooks";
        }
        for (Thread hook : hooks) {
            if (!JDK_SHUTDOWN_HOOKS.contains(hook.getClass().getName())
                    && !JDK_SHUTDOWN_HOOKS.contains(hook.getName())) {
                return "shutdown hook \"" + hook.getName() + "\" (" + hook.getClass().getName() + ") is registered";
            }
        }
        return null;
    }

    /** Waits in go4j with a reason and no deadline, and its thread is parked (or was collected: a leak). */
    private static boolean asleep(G g) {
        Thread thread = g.thread();
        return g.waitReason() != null && !g.waitTimed()
                && (thread == null || thread.getState() == Thread.State.WAITING);
    }

    /** The name of a live platform thread that is neither go4j's nor an allowed JDK thread, or null. */
    private String unaccountedPlatformThread(List<Watched> programs) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = Arrays.copyOf(threads, threads.length * 2);
        }
        Thread timers = TimerHeap.real().runner();
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t == self || isLauncher(t, programs) || t == timers || scheduler != null && scheduler.owns(t)
                    || TimerHeap.isWarmUpThread(t) || GoRuntimeBean.isRegistrationThread(t)
                    || ALLOWED_JDK_THREADS.contains(t.getName()) || isIdleJdkCarrier(t)) {
                continue;
            }
            return t.getName();
        }
        return null;
    }

    private static boolean isLauncher(Thread t, List<Watched> programs) {
        for (Watched program : programs) {
            if (program.launcher == t) {
                return true;
            }
        }
        return false;
    }

    /** A carrier of the JDK's scheduler with nothing to run (the fallback's goroutines run there). */
    private boolean isIdleJdkCarrier(Thread t) {
        return scheduler == null && t.getClass().getName().equals("jdk.internal.misc.CarrierThread")
                && t.getState() != Thread.State.RUNNABLE;
    }

    /** Condition 6's signals: checked once per epoch, as it swaps handlers. */
    private boolean signalsClear(Epoch epoch) {
        if (!epoch.equals(signalsCheckedAt)) {
            signalsCheckedAt = epoch;
            int handlers = JdkAccess.applicationSignalHandlers();
            signalsClear = handlers == 0;
            signalReason = handlers < 0 ? "go4j cannot read the signal handlers" : "an application handles a signal";
        }
        return signalsClear;
    }
}
