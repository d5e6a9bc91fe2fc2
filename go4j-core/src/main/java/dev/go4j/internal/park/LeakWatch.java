package dev.go4j.internal.park;

import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.jfr.Jfr;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/*
 * Implementation notes.
 *
 * The leak report's proof: Go 1.26's goroutineleak profile, proven by the JVM's garbage collector instead of a
 * marking pass of go4j's own. A goroutine blocked forever is one that nothing can ever wake: nothing can unpark
 * or interrupt its thread, which needs a reference to the thread, and every waker of a go4j primitive holds one
 * (the Waiter in the primitive's queue). So a goroutine whose virtual thread has become unreachable is leaked:
 * its stack, and the primitives it waits on, are reachable only from other such goroutines. The collector finds
 * exactly that set, and a PhantomReference to each candidate's thread tells go4j when it has.
 *
 * What must hold for the proof to be sound:
 *
 *   1. Nothing outside the goroutine's own object graph holds its thread strongly while it waits. The JDK keeps
 *      every virtual thread it starts in a static set unless -Djdk.trackAllThreads=false (ThreadContainers'
 *      TrackingRootContainer), so the machinery is on by default only with that flag (ENABLED). go4j's registry
 *      (G.LIVE) holds every G strongly, so a watched G drops its two strong references that lead to the thread:
 *      G.thread (the thread itself) and G.waitingOn (the primitive, whose queue holds the Waiter, which holds the
 *      thread). The scheduler holds only runnable tasks (Carrier's slots are cleared as they are taken), and a
 *      goroutine's GoroutineExecutor (which holds its runContinuation task, and so its thread) is reachable only
 *      from the thread itself. Timed waits are never watched: a deadline will wake them (and the JDK's timer
 *      holds a thread in parkNanos anyway), so a sleep is never a candidate; neither is I/O, which never parks
 *      in go4j.
 *   2. The proof is a PhantomReference, never a WeakReference. The collector clears weak references before it
 *      runs finalizers, and a finalizable object reachable only from the blocked goroutine may use a channel it
 *      references to wake the goroutine (or store the thread somewhere) when it is finalized. A phantom reference
 *      is enqueued only once its referent is unreachable after finalization, so only then. The weak reference
 *      each Node keeps (access) serves dumps and awaitBlocked, never the proof.
 *   3. A goroutine that exits normally is never reported: its exit clears its phantom reference (G.exit), and a
 *      running thread is reachable (its carrier runs it), so a Node can be enqueued only while its goroutine is
 *      watched, that is between G.beginWait and G.endWait, with the wait reason and record of that wait set.
 *
 * Per wait (the flag on, an untimed wait with a reason, a goroutine go4j started): the owner thread records what
 * the report needs (the primitive's class and debug names, and with -Dgo4j.debug.leakStacks=true its stack), then
 * drops G.thread with a release write; G.endWait restores it. No allocation after the goroutine's first watched
 * wait: its Node (a PhantomReference to the thread, with a WeakReference for access) is made once and kept until
 * the goroutine exits. A collection that a finalizer undoes (point 2) clears the weak reference while the thread
 * lives on; the next watched wait makes a fresh one.
 *
 * Finding leaks. The Reference Handler enqueues a Node after the collection that proved its thread unreachable;
 * drain() (called by every report and dump) takes them from the queue, keeps a Leaked record and unregisters the
 * G. collect() asks for a collection and waits, bounded, for the queue: a Sentinel (a phantom reference to a
 * fresh object) made just before System.gc() is enqueued by the same collection; once it has arrived, the
 * Reference Handler has taken that collection's whole pending list, and it finishes a list before it takes the
 * next one, so after a second round's sentinel everything the first collection proved is in the queue. Either
 * round gives up after ROUND_BOUND (System.gc() may be disabled, -XX:+DisableExplicitGC); the report then holds
 * what earlier collections proved. A leak that a finalizable object keeps alive for one more collection is found
 * by a later report.
 *
 * Wakers that hold no thread. Everything that can still wake a goroutine reaches its thread through the Waiter in
 * the primitive's queue, so reaching the primitive is enough: a static field, any live or blocked goroutine's or
 * platform thread's stack, a ThreadLocal of a live thread, the timer heap (func timers while armed, channel timers
 * while a goroutine is blocked on their channel, Go 1.23; the heap is reachable from its runner thread, and a
 * bubble's from each of its goroutines' G), the other channels of a select (its Blocker's Waiter is in every
 * queue), a CompletionStage behind Chan.fromStage, a Signal.notify registration. The tests that guard this:
 * LeakReportTest (in-process, go4j's scheduler) and LeakProgramTest (child JVMs on both schedulers) run the
 * negatives of LeakScenarios.goroutinesThatCanStillBeWoken, each woken afterwards through that path alone.
 *
 * Post-mortem: unlike Go, which keeps a leaked goroutine (and reports it, with its stack, for as long as the
 * program runs), the JVM frees it; what remains is the Leaked record. The goroutine never exited, so it stays
 * counted in Go.numGoroutine() and in Quiescence's parked count, as Go counts leaked goroutines, and listed by
 * Go.goroutines() (so that go4j-testing's leak check still sees it).
 *
 * False negatives (never false positives): whatever keeps a thread reachable keeps its goroutine out of the
 * report: a debugger (JDWP holds every thread it has seen), a JVMTI agent, a thread container other than the root
 * one, a ThreadLocal or static field that refers to the thread or the primitive, a stack of a goroutine that
 * still runs or waits with a deadline, a stopped timer that stays in the heap as a zombie until its due time. A
 * leak whose thread the collector has cleared but whose Node the Reference Handler has not enqueued yet is in
 * neither Go.goroutines() nor the report for that moment.
 */

/** The leak report's proof by the garbage collector; see the implementation notes. */
public final class LeakWatch {
    /** Whether the JDK keeps every virtual thread reachable (jdk.trackAllThreads unset, empty or true). */
    public static final boolean JDK_TRACKS_ALL_THREADS = jdkTracksAllThreads();
    /**
     * Whether goroutines are unrooted while they block: {@code -Dgo4j.leaks=true|false}, by default on exactly when
     * the JDK does not track all threads. The one static check of the park path.
     */
    public static final boolean ENABLED = enabledFromProperties();
    /** -Dgo4j.debug.leakStacks=true: a watched wait records its stack (a stack walk in every such wait). */
    static final boolean CAPTURE_STACKS = Boolean.getBoolean("go4j.debug.leakStacks");

    /** How long one round of collect() waits for its sentinel after System.gc() returned. */
    private static final long ROUND_BOUND_NANOS = 2_000_000_000L;
    /** collect()'s polling interval while it waits for the queue, doubling from the first up to the last. */
    private static final long FIRST_POLL_NANOS = 1_000_000L;
    private static final long LAST_POLL_NANOS = 32_000_000L;

    /** Where the Reference Handler puts Nodes whose threads were collected, and sentinels. */
    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    /** Every leak found so far, in the order found. */
    private static final ConcurrentLinkedQueue<Leaked> LEAKED = new ConcurrentLinkedQueue<>();
    /** How many leaks were found (and their Gs unregistered), for the deadlock detector's count. */
    private static final AtomicLong FOUND = new AtomicLong();

    private LeakWatch() {
    }

    /**
     * What the report keeps of a goroutine whose thread the collector found unreachable while it was blocked.
     *
     * @param kind the class of the primitive it waited on, or null if it waited on none
     * @param names the debug names of that primitive or, for a select, of its channels
     * @param waitedNanos how long it had waited when go4j took the proof from the queue
     * @param stack its stack when it blocked, with -Dgo4j.debug.leakStacks=true; else empty
     */
    public record Leaked(long id, long parentId, StackTraceElement createdBy, WaitReason reason, long waitedNanos,
            Class<?> kind, List<String> names, List<StackTraceElement> stack) {
        /**
         * What it waited on, from what its wait recorded: {@code chan "name"} (or {@code chan}) for a channel,
         * {@code select on "a", "b"} for a select, else the primitive's simple class name; null for none.
         */
        public String waitingOn() {
            if (kind == null) {
                return null;
            }
            String quoted = names.isEmpty() ? "" : " \"" + String.join("\", \"", names) + "\"";
            if (Blocker.class.isAssignableFrom(kind)) {
                return "select" + (quoted.isEmpty() ? "" : " on" + quoted);
            }
            if (DebugNamed.class.isAssignableFrom(kind)) {
                return "chan" + quoted;
            }
            return kind.getSimpleName();
        }
    }

    /** A G's watch: the proof (a phantom reference to its thread), the access to it, and the current wait's record. */
    static final class Node extends PhantomReference<Thread> {
        /** The goroutine watched; final. The G is registered anyway, so this keeps nothing alive. */
        final G g;
        /** The thread, for dumps and awaitBlocked; written by the owner thread, read by any. */
        private volatile WeakReference<Thread> access;
        /** The current watched wait's primitive class, debug names and stack; written by the owner thread. */
        Class<?> kind;
        List<String> names = List.of();
        StackTraceElement[] stack;

        Node(G g, Thread thread) {
            super(thread, QUEUE);
            this.g = g;
            this.access = new WeakReference<>(thread);
        }

        /** The thread, or null once the collector has cleared it. */
        Thread thread() {
            return access.get();
        }
    }

    /** A phantom reference to an object nobody else holds: enqueued by the next collection. */
    private static final class Sentinel extends PhantomReference<Object> {
        /** Set by whoever takes this sentinel from the queue. */
        volatile boolean arrived;

        Sentinel() {
            super(new Object(), QUEUE);
        }
    }

    /**
     * Called by the current thread's own G as a watched wait begins, before it drops its strong references (see
     * G.beginWait): records the wait and makes sure the G has a Node with a live access reference.
     */
    static void watch(G g, Object primitive) {
        Thread self = Thread.currentThread();
        Node node = g.leak;
        if (node == null) {
            node = new Node(g, self);
            g.leak = node;
        } else if (node.thread() == null) {
            node.access = new WeakReference<>(self); // cleared by a collection a finalizer undid (notes, point 2)
        }
        node.kind = primitive == null ? null : primitive.getClass();
        node.names = DebugNamed.namesOf(primitive);
        node.stack = CAPTURE_STACKS ? new Throwable().getStackTrace() : null;
    }

    /**
     * Takes every Node the Reference Handler has enqueued so far: records each as leaked and unregisters its G.
     * Cheap when the queue is empty; any thread may call it.
     */
    public static void drain() {
        Reference<?> ref;
        while ((ref = QUEUE.poll()) != null) {
            take(ref);
        }
    }

    private static void take(Reference<?> ref) {
        if (ref instanceof Sentinel sentinel) {
            sentinel.arrived = true;
            return;
        }
        Node node = (Node) ref;
        G g = node.g;
        // The goroutine's thread is gone, so nobody writes its G or Node any more: every field is final now.
        List<StackTraceElement> stack = node.stack == null ? List.of() : List.of(node.stack);
        var leaked = new Leaked(g.id, g.parentId(), g.createdBy(), g.waitReason, g.waitedNanos(), node.kind,
                node.names, stack);
        FOUND.incrementAndGet(); // before the G leaves the registry: the deadlock detector may count it twice, never 0
        g.unregister();
        LEAKED.add(leaked);
        leakFound(leaked);
    }

    /** Emits the JFR event dev.go4j.GoroutineLeak, once per leaked goroutine, when go4j takes its proof. */
    private static void leakFound(Leaked leaked) {
        if (Jfr.on()) {
            StackTraceElement by = leaked.createdBy();
            String creator = (by == null ? "?" : by.getClassName() + "." + by.getMethodName())
                    + (leaked.parentId() == 0 ? "" : " in goroutine " + leaked.parentId()); // as the dump's line
            Jfr.goroutineLeak(leaked.id(), leaked.reason(), leaked.waitingOn(),
                    leaked.names().isEmpty() ? null : String.join(", ", leaked.names()), leaked.waitedNanos(),
                    creator);
        }
    }

    /**
     * Requests a garbage collection and waits, bounded, until the Reference Handler has enqueued what it proved
     * (see the notes), then drains the queue. Runs on the calling thread; takes seconds on a large heap.
     */
    public static void collect() {
        Clock clock = Clock.current();
        // A scheduling point for the caller's carrier, which clears the run-queue slots thieves took from it (see
        // Carrier): the slot of a goroutine that has blocked since would otherwise keep it reachable.
        Thread.yield();
        for (int round = 0; round < 2; round++) {
            var sentinel = new Sentinel();
            System.gc();
            long deadline = clock.nanoTime() + ROUND_BOUND_NANOS;
            long poll = FIRST_POLL_NANOS;
            while (true) {
                drain();
                if (sentinel.arrived || clock.nanoTime() - deadline >= 0) {
                    break;
                }
                new Waiter().await(null, LeakWatch.class, Deadline.at(clock.nanoTime() + poll), false);
                poll = Math.min(2 * poll, LAST_POLL_NANOS);
            }
            Reference.reachabilityFence(sentinel);
        }
    }

    /** Every leak found so far, in the order found. */
    public static List<Leaked> leaked() {
        return new ArrayList<>(LEAKED);
    }

    /** How many leaked goroutines were found and unregistered: they still count as live (see the notes). */
    public static long found() {
        return FOUND.get();
    }

    /**
     * Why the report cannot be made in this JVM (naming the flag that makes it possible), or null if it can.
     */
    public static String unavailableReason() {
        if (JDK_TRACKS_ALL_THREADS) {
            return "the leak report needs -Djdk.trackAllThreads=false: otherwise the JDK keeps every virtual thread"
                    + " reachable, so no goroutine can be proven leaked";
        }
        if (!ENABLED) {
            return "the leak report is off (-Dgo4j.leaks=false)";
        }
        return null;
    }

    private static boolean jdkTracksAllThreads() {
        String value = System.getProperty("jdk.trackAllThreads"); // read as ThreadContainers reads it
        return value == null || value.isEmpty() || Boolean.parseBoolean(value);
    }

    private static boolean enabledFromProperties() {
        String value = System.getProperty("go4j.leaks", "").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> !JDK_TRACKS_ALL_THREADS;
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                    "go4j.leaks must be true or false, not \"" + value + "\"");
        };
    }
}
