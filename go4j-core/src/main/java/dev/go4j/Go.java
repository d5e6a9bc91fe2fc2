package dev.go4j;

import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.diag.DeadlockDetector;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.park.Park;
import dev.go4j.internal.park.Scope;
import dev.go4j.internal.runtime.Goroutine;
import dev.go4j.internal.runtime.GoroutineExecutorService;
import dev.go4j.internal.runtime.Program;
import dev.go4j.internal.runtime.Traceback;
import dev.go4j.internal.time.TimerHeap;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * Goroutines and the life of a Go program: Go's {@code go} statement, {@code func main}, {@code os.Exit} and
 * the goroutine functions of package {@code runtime}.
 *
 * <p>A goroutine is a virtual thread that go4j starts and numbers. Write a program's {@code main} through
 * {@link #main(String[], Task)} to get a Go program's rules: the program ends when {@code main}'s body returns,
 * whatever other goroutines are doing, and an exception escaping any goroutine ends it with Go's panic report.
 *
 * {@snippet file="Hello.java" region="hello"}
 *
 * <p>Deviations from Go, also listed in the README: a goroutine that computes without ever blocking is not
 * preempted (go4j's scheduler gives it a carrier of its own after 10 ms while others wait, instead); goroutines
 * do not inherit {@link InheritableThreadLocal} values; outside {@code Go.main} failures follow
 * {@link PanicPolicy#UNCAUGHT_EXCEPTION_HANDLER}.
 */
public final class Go {
    static {
        TimerHeap.warmUpInBackground(); // so that a program's first timer is not late by class loading
    }

    private Go() {
    }

    /**
     * Starts {@code task} in a new goroutine, Go's {@code go f()}. Returns at once; the goroutine runs
     * concurrently. An exception escaping the task follows the {@linkplain PanicPolicy panic policy}. Everything
     * the caller did before {@code go} happens-before the task starts.
     *
     * @param task the goroutine's body
     * @throws NullPointerException if {@code task} is null
     */
    public static void go(Task task) {
        Goroutine.start(Objects.requireNonNull(task, "task"));
    }

    /**
     * Runs a Go program: {@code body} runs as goroutine 1, and when it returns the process ends with status 0,
     * even if other goroutines are still running, blocked or spinning. The {@linkplain PanicPolicy panic policy}
     * is {@link PanicPolicy#EXIT} unless chosen explicitly: an exception escaping any goroutine prints
     * {@code panic: …} and exits with status 2. Never returns.
     *
     * @param args the program's arguments, as given to Java's {@code main} (kept for symmetry; not used)
     * @param body the program, Go's {@code func main}
     */
    public static void main(String[] args, Task body) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(body, "body");
        TimerHeap.awaitWarmUp(); // the runtime is set up before the body runs: its first timer is not late
        Program.exit(Program.run(null, body, DeadlockDetector::watch));
    }

    /**
     * Runs a Go program inside the JVM and returns its exit status instead of ending the JVM: {@link #main
     * Go.main} for embedding, in tests, {@code mvn exec:java}, servers and tools. {@code body} runs as goroutine 1
     * of a program of its own; the status is 0 when it returns, 2 after a panic escaping any of the program's
     * goroutines, a fatal error or a deadlock (each prints Go's report to standard error, as under
     * {@code Go.main}), or {@code n} after {@link #exit Go.exit(n)}. Blocks until then, ignoring interrupts (the
     * status is restored).
     *
     * {@snippet file="EmbeddingSnippets.java" region="run"}
     *
     * <p>The program is a scope: its goroutines (those {@code body} starts, and theirs) are numbered from 1, and
     * inside it {@link #numGoroutine()}, {@link #dump(Appendable)}, {@link #stack(boolean)} and
     * {@link #goroutines()} see only them, so programs run one after another or at the same time never see each
     * other. Its {@linkplain #setPanicPolicy panic policy} is its own ({@link PanicPolicy#EXIT} by default, whose
     * "exit" ends this program only). Threads outside every program see all goroutines. Goroutine 1 inherits the
     * caller's {@link dev.go4j.runtime.Inherited} values, as a goroutine the caller started would.
     *
     * <p>When the status is decided, goroutines of the program still running are interrupted and given up to one
     * second to finish; then {@code Go.run} returns. Go would stop them; the JVM cannot, so one that ignores the
     * interrupt runs on, and its later failures go to the uncaught-exception handler. Unlike Go, {@code finally}
     * blocks run as goroutines unwind ({@code Go.exit} and a panic end the calling goroutine by throwing an
     * internal {@link Error}). A deadlock is reported only when every goroutine of the JVM is blocked in go4j and
     * no thread outside go4j may wake one (see the README's deviations): a program whose goroutines wait for
     * another program, or for a platform thread of the application, is not reported.
     *
     * @param args the program's arguments (kept for symmetry with {@code main}; not used)
     * @param body the program, Go's {@code func main}
     * @return the exit status
     */
    public static int run(String[] args, Task body) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(body, "body");
        return Program.run(new Scope(), body, DeadlockDetector::watch);
    }

    /**
     * Ends the program at once with {@code status}, Go's {@code os.Exit}: standard output and error are flushed,
     * no {@code finally} block of any goroutine runs. Unlike Go, the JVM's shutdown hooks do run. Never returns.
     * Inside a {@link #run Go.run} program it ends that program: {@code Go.run} returns {@code status}, and the
     * calling goroutine unwinds.
     *
     * @param status the exit status
     */
    public static void exit(int status) {
        Program.exit(status);
    }

    /**
     * Pauses the current goroutine for at least {@code d}, Go's {@code time.Sleep}; returns at once if {@code d}
     * is zero or negative. Measured on go4j's clock. Wait reason {@code sleep}. The same operation as
     * {@link dev.go4j.time.Time#sleep(Duration)}.
     *
     * @param d how long to sleep
     * @throws Interrupted if the thread is interrupted while sleeping
     */
    public static void sleep(Duration d) {
        Objects.requireNonNull(d, "d");
        Park.sleep(Deadline.after(d));
    }

    /** Yields the processor so other goroutines may run, Go's {@code runtime.Gosched}. */
    public static void gosched() {
        Bubble.point("gosched", null); // a scheduling point of an exploring bubble (it yields)
        Thread.yield();
    }

    /**
     * Returns the number of goroutines that currently exist, Go's {@code runtime.NumGoroutine}: every goroutine
     * started by go4j that has not finished, including the main goroutine under {@link #main Go.main}. Threads go4j
     * did not start are not counted. Inside a {@link #run Go.run} program, only that program's goroutines count.
     * Goroutines blocked forever are counted, as in Go, even those the {@linkplain #leakedGoroutines() leak report}
     * has found and the JVM has freed: they never finished.
     *
     * @return the number of live goroutines
     */
    public static int numGoroutine() {
        return Goroutine.visibleCount();
    }

    /**
     * Returns the goroutine dump of the current goroutine, and of every other one if {@code all}, Go's
     * {@code runtime.Stack}: the current goroutine's entry ({@code goroutine 7 [running]:}) first, then the
     * others as {@link #dump(Appendable)} writes them.
     *
     * {@snippet file="DiagnosticsSnippets.java" region="stack"}
     *
     * @param all whether to include every other goroutine
     * @return the dump's text
     */
    public static String stack(boolean all) {
        StringBuilder text = new StringBuilder();
        Traceback.stack(text, all);
        return text.toString();
    }

    /**
     * Writes a dump of every goroutine to {@code out} in Go's format, one entry per goroutine, lowest id first,
     * separated by empty lines; threads go4j did not start that are waiting in a go4j operation come last,
     * headed {@code thread "name"}. Each entry is
     *
     * <pre>{@code
     * goroutine 7 [chan receive, 3 minutes, on "jobs"]:
     *         at example.Worker.run(Worker.java:12)
     *         at example.Main.lambda$main$0(Main.java:30)
     * created by example.Main.lambda$main$0 in goroutine 1
     * }</pre>
     *
     * <p>The bracket holds Go's state word: the {@link WaitReason} while the goroutine waits in go4j (then how
     * long, from one minute on, and the debug names of the channels it waits on, see {@link Chan#named}),
     * otherwise {@code running}, {@code runnable}, {@code IO wait}, {@code sleep} or the JDK's thread state. The
     * frames leave out go4j's internals and the JDK's virtual-thread machinery ({@code -Dgo4j.traceback=system}
     * keeps them). The {@code created by} line names the goroutine that started it and, with
     * {@code -Dgo4j.debug.createdBy=true}, the frame that called {@code go} (followed by its location); without
     * that flag, which costs a stack walk in every {@code go}, it names the goroutine's entry frame.
     *
     * <p>The dump streams: it never holds the whole text, and it never stops the program; each goroutine is
     * captured on its own, so entries are not simultaneous. A million goroutines take seconds.
     *
     * <p>From outside the program, the same text comes from {@code ./go4j dump <pid>}, or from the operation
     * {@code dump()} of the MBean {@code dev.go4j:type=Runtime}, which go4j registers in the platform MBeanServer
     * a second after the first goroutine starts (with the attributes {@code NumGoroutine} and {@code GOMAXPROCS};
     * off with {@code -Dgo4j.jmx=false}).
     *
     * @param out where to write; an {@link java.io.IOException} it throws is rethrown as
     *     {@link java.io.UncheckedIOException}
     */
    public static void dump(Appendable out) {
        Traceback.dumpAll(Objects.requireNonNull(out, "out"));
    }

    /**
     * Returns a snapshot of every live goroutine, lowest id first: the facts of {@link #dump(Appendable)} as
     * records, for tools and tests. Goroutines that the {@linkplain #leakedGoroutines() leak report} has found
     * blocked forever are listed too (as that report's records), as {@link #numGoroutine()} counts them: they never
     * finished, and a leak check must see them although the JVM has freed them.
     *
     * @return an immutable list, one record per goroutine
     */
    public static List<GoroutineInfo> goroutines() {
        return Traceback.goroutines();
    }

    /**
     * Returns the goroutines proven leaked: blocked forever in a go4j operation, Go 1.26's {@code goroutineleak}
     * profile. A goroutine is leaked when nothing can ever wake it: it waits, without a deadline, on channels or
     * locks that only other leaked goroutines can reach. The JVM's garbage collector proves it (it finds the
     * goroutine's thread unreachable) and frees the goroutine, so unlike Go's profile this report is post-mortem:
     * each record is what go4j kept of a goroutine that was freed while blocked. It never lists a goroutine that
     * could still be woken, nor one that finished, slept or waited with a timeout; it may miss leaks that something
     * keeps reachable (a debugger, a {@code ThreadLocal} or static field referring to the goroutine's thread or
     * channel, a thread container).
     *
     * {@snippet file="LeakSnippets.java" region="leaked"}
     *
     * <p>The call requests a garbage collection and waits, a few seconds at most, for its result; on a large heap
     * it takes as long as a full collection. It lists every leak found since the program started, lowest id first,
     * found by this collection or by an earlier one. Each record's {@link GoroutineInfo#state() state} is the wait
     * reason, {@link GoroutineInfo#waiting() waiting} how long it had waited when the leak was found, and
     * {@link GoroutineInfo#waitingOn() waitingOn} names the primitive ({@code chan "jobs"}, {@code chan},
     * {@code select on "a", "b"}, {@code Mutex}, …); its stack is empty unless the JVM runs with
     * {@code -Dgo4j.debug.leakStacks=true}, which records every goroutine's stack whenever it blocks (costly). Found
     * leaks also end {@link #dump(Appendable) the dump}, headed {@code goroutine 12 [chan send (leaked)]:}.
     *
     * <p>The report needs the JVM flag {@code -Djdk.trackAllThreads=false}: otherwise the JDK keeps every virtual
     * thread reachable, and nothing can be proven. With that flag {@code jcmd <pid> Thread.dump_to_file} no longer
     * lists goroutines; {@link #dump(Appendable) go4j's dump} is then the view of them. {@code -Dgo4j.leaks=false}
     * turns the report off, {@code -Dgo4j.leaks=true} on whatever the JDK does.
     *
     * @return an immutable list, one record per leaked goroutine
     * @throws IllegalStateException if the JVM runs without {@code -Djdk.trackAllThreads=false} (the message names
     *     the flag), or with {@code -Dgo4j.leaks=false}
     */
    public static List<GoroutineInfo> leakedGoroutines() {
        return Traceback.leakedGoroutines();
    }

    /**
     * Returns how many goroutines can run in parallel, Go's {@code runtime.GOMAXPROCS(0)}: go4j's scheduler's
     * number of carriers ({@code -Dgo4j.gomaxprocs}, else the {@code GOMAXPROCS} environment variable, else the
     * number of available processors), or, on the JDK's scheduler, its parallelism.
     *
     * @return GOMAXPROCS
     */
    public static int gomaxprocs() {
        return dev.go4j.internal.sched.Scheduler.gomaxprocs();
    }

    /**
     * Sets how many goroutines can run in parallel and returns the previous setting, Go's
     * {@code runtime.GOMAXPROCS(n)}; {@code n < 1} only queries. Carriers are added at once; surplus ones finish
     * their current goroutine first. On the JDK's scheduler this changes its parallelism where the JDK allows it
     * (JDK 24 and newer), and only queries otherwise.
     *
     * @param n the new setting, or a number below 1 to leave it as it is
     * @return the previous setting
     */
    public static int gomaxprocs(int n) {
        return dev.go4j.internal.sched.Scheduler.setGomaxprocs(n);
    }

    /**
     * Returns which scheduler runs goroutines: go4j's own (Go's M:N design: run queues, {@code runnext}, work
     * stealing, hand-off of blocked carriers), or, when the JVM does not give go4j access to it
     * ({@code --add-opens java.base/java.lang=dev.go4j} on the module path, {@code =ALL-UNNAMED} on the class
     * path) or {@code -Dgo4j.scheduler=jdk} asks for it, the JDK's virtual-thread scheduler.
     *
     * @return the scheduler in force
     */
    public static Scheduler scheduler() {
        return dev.go4j.internal.sched.Scheduler.installed() != null ? Scheduler.GO4J : Scheduler.JDK;
    }

    /** Which scheduler runs goroutines; see {@link #scheduler()}. */
    public enum Scheduler {
        /** go4j's own scheduler, after Go's {@code runtime/proc.go}. */
        GO4J,
        /** The JDK's virtual-thread scheduler (a {@code ForkJoinPool}), go4j's fallback. */
        JDK
    }

    /**
     * Returns an executor that runs each task in a new goroutine, for APIs that take an {@link Executor}, such as
     * {@code CompletableFuture.supplyAsync(supplier, Go.executor())}.
     *
     * @return an executor that starts one goroutine per task
     */
    public static Executor executor() {
        return GoroutineExecutor.INSTANCE;
    }

    /**
     * Starts {@code task} in a new goroutine and returns a future of its result: the goroutine counterpart of
     * {@code CompletableFuture.supplyAsync}, and the other direction of {@link Chan#fromStage}. The future completes
     * with the task's value, or exceptionally with what it threw; a {@link Panic} or an {@link Error} also follows
     * the {@linkplain PanicPolicy panic policy} after completing the future (under {@link #main Go.main}: the
     * report and exit status 2). Cancelling the future interrupts the goroutine. Everything the caller did before
     * {@code async} happens-before the task starts; the task's actions happen-before the future completes.
     *
     * {@snippet file="EmbeddingSnippets.java" region="async"}
     *
     * @param task the goroutine's body
     * @param <T> the result type
     * @return a future completed by the goroutine
     */
    public static <T> CompletableFuture<T> async(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> future = new CompletableFuture<>();
        Goroutine.start(() -> {
            Thread self = Thread.currentThread();
            future.whenComplete((value, failure) -> {
                if (future.isCancelled()) {
                    self.interrupt();
                }
            });
            try {
                future.complete(task.call());
            } catch (Panic | Error failure) {
                future.completeExceptionally(failure);
                throw failure;
            } catch (Throwable failure) {
                future.completeExceptionally(failure);
            }
        });
        return future;
    }

    /**
     * Returns a thread factory whose threads are goroutines, for frameworks that take a {@link ThreadFactory}
     * (a server's request threads, {@code Executors.newThreadPerTaskExecutor(Go.threadFactory())}): each thread
     * is a goroutine of the creating goroutine's program, numbered when created, counted and shown in dumps and
     * deadlock reports from the moment it runs; an exception escaping it follows the panic policy.
     *
     * @return the goroutine thread factory
     */
    public static ThreadFactory threadFactory() {
        return GoroutineThreadFactory.INSTANCE;
    }

    /**
     * Returns a new {@link ExecutorService} that starts a goroutine for each task, go4j's
     * {@code Executors.newVirtualThreadPerTaskExecutor()}: nothing is queued, {@code shutdown} lets running tasks
     * finish, {@code shutdownNow} interrupts them (and returns an empty list), {@code awaitTermination} waits in
     * go4j (shown as {@code sync.WaitGroup.Wait}), and {@code close} does both, so try-with-resources waits for
     * every task. A task given to {@code execute} that throws follows the panic policy; {@code submit} keeps the
     * failure in its {@link java.util.concurrent.Future}.
     *
     * {@snippet file="EmbeddingSnippets.java" region="executor"}
     *
     * @return a new executor service
     */
    public static ExecutorService newExecutorService() {
        return new GoroutineExecutorService();
    }

    /**
     * Chooses what happens to exceptions escaping goroutines and to fatal errors; {@code null} restores the
     * default ({@link PanicPolicy#EXIT} under {@link #main Go.main}, else
     * {@link PanicPolicy#UNCAUGHT_EXCEPTION_HANDLER}, unless the system property {@code go4j.panicPolicy} says
     * {@code exit} or {@code handler}).
     *
     * @param policy the policy, or null for the default
     */
    public static void setPanicPolicy(@Nullable PanicPolicy policy) {
        Program.setPolicy(policy);
    }

    /**
     * Returns the panic policy in force.
     *
     * @return the policy
     */
    public static PanicPolicy panicPolicy() {
        return Program.policy();
    }

    /** The factory behind {@link #threadFactory()}. */
    private enum GoroutineThreadFactory implements ThreadFactory {
        INSTANCE;

        @Override
        public Thread newThread(Runnable task) {
            Objects.requireNonNull(task, "task");
            return Goroutine.newUnstarted(task::run);
        }

        @Override
        public String toString() {
            return "Go.threadFactory()";
        }
    }

    /** The executor behind {@link #executor()}. */
    private enum GoroutineExecutor implements Executor {
        INSTANCE;

        @Override
        public void execute(Runnable command) {
            Objects.requireNonNull(command, "command");
            Goroutine.start(command::run);
        }

        @Override
        public String toString() {
            return "Go.executor()";
        }
    }
}
