package dev.go4j.internal.sched;

import dev.go4j.internal.clock.Clock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * go4j's goroutine scheduler, after Go's runtime/proc.go, installed as the executor of every goroutine's virtual
 * thread (JdkAccess). GOMAXPROCS carriers (Carrier: a platform thread with a runnext slot and a local run queue),
 * one global run queue, work stealing and spinning idle carriers; a monitor thread (Monitor, Go's sysmon) ends
 * time slices and hands the work of blocked carriers to replacements.
 *
 * execute(task), the JDK's entry (it must not block, park, run the task inline or throw), classifies its caller:
 *     a goroutine mounted on carrier C starts or unparks a goroutine   -> C's runnext (Go's ready(next=true))
 *     carrier C wakes a goroutine after unmounting another (a thread's end wakes its joiner) -> C's runnext
 *     carrier C resubmits the task it just ran (a Thread.yield, or a park racing its unpark) -> the global queue
 *     any other thread (timers' thread, the JDK's unparker threads, platform threads) -> the global queue
 * and then wakes an idle carrier, unless one is spinning already (Go's wakep): a spinning carrier will find the
 * work, and one that stops spinning re-checks every queue before it parks, so no wake-up is lost (see
 * Carrier.parkUnlessWork and wakeIdle: each side writes its state, then reads the other's). One exception to
 * Go: a yield that leaves its task the global queue's only one, with nothing in its carrier's own queues, wakes
 * nobody, since that carrier takes it back at once (Go's wakep would start a spinner that finds nothing or takes
 * the goroutine away; measured with go4j-bench Gosched, see bench/README.md).
 *
 * At most half of the busy carriers spin (Go's rule), and a spinner stops after a few steal rounds, so an idle
 * program's carriers all park and cost no CPU; the monitor then parks too.
 *
 * Fairness without preemption. Go bounds a runnext pair to a time slice because sysmon preempts it. go4j cannot
 * preempt, so the monitor marks a carrier whose time slice (counted from the last task it took other than from
 * runnext) is older than 10 ms, and at its next scheduling point the carrier puts what it readies at its local
 * tail instead of runnext and takes the global queue's head first. Otherwise the global queue is checked every
 * 61st non-inherited schedule, as in Go.
 *
 * GOMAXPROCS: -Dgo4j.gomaxprocs, else the GOMAXPROCS environment variable, else availableProcessors() (container
 * aware, as Go 1.25+); setGomaxprocs changes it at run time: new carriers start, surplus ones hand their queues
 * to the global queue and retire at their next scheduling point.
 *
 * The carriers array is copy-on-write (replaced by CAS): carriers are added or removed only when GOMAXPROCS
 * changes or the monitor replaces a blocked carrier, and every scheduling decision just reads it.
 *
 * Carriers never block on a lock: a goroutine holding a runtime lock may be parked waiting for another one, and
 * a carrier waiting for it could leave no carrier to run it. So they run no timers either; at a scheduling point
 * a carrier that finds a timer due only wakes the timer heap's thread (TimerSource).
 *
 * Differences from Go: a carrier is Go's M and P at once (a blocked carrier is replaced rather than its P handed
 * to another M); timers are fired by the timer heap's own thread, which carriers wake when they see one due (Go's
 * Ps run them in schedule() and sleep in netpoll until the next one); no preemption (see above); a
 * computing goroutine that keeps a carrier more than 10 ms while others wait gets a replacement carrier next to
 * it, which Go would not need.
 */

/** go4j's goroutine scheduler; see the implementation notes. */
public final class Scheduler {
    /** The most replacement carriers alive at once (the JDK's own compensation limit is 256 too). */
    static final int MAX_REPLACEMENTS = 256;
    private static final VarHandle CARRIERS;

    final Clock clock = Clock.system();
    final SchedStats stats = new SchedStats();
    private final ConcurrentLinkedQueue<Runnable> global = new ConcurrentLinkedQueue<>();
    private final AtomicInteger globalSize = new AtomicInteger();
    /** Carriers counted as spinning (looking for work without parking). */
    final AtomicInteger spinning = new AtomicInteger();
    /** Carriers parked for lack of work. */
    final AtomicInteger idle = new AtomicInteger();
    /** Carriers marked stuck by the monitor (each has a replacement). */
    private final AtomicInteger stuck = new AtomicInteger();
    /** Every carrier of this scheduler; copy-on-write, replaced by CAS. */
    volatile Carrier[] carriers = new Carrier[0];
    /** Goroutines that may run in parallel. */
    private volatile int gomaxprocs;
    /** The timers carriers look at in their scheduling points, or null. */
    volatile TimerSource timers;
    private final Monitor monitor;
    private final AtomicInteger replacementNames = new AtomicInteger();
    /** Tasks of virtual threads goroutines started by other means, with their threads; null unless tracked. */
    private volatile ConcurrentHashMap<Runnable, Thread> foreignThreads;
    /** Set when a tracked task's thread could not be told: foreignThreads() then answers null. */
    private volatile boolean foreignUnknown;
    /** The wait counts of carriers that left; written only inside the leaving seqlock (carrierLeft). */
    private volatile long retiredWaitsBegun;
    private volatile long retiredWaitsEnded;
    /** Seqlock over carriers leaving: odd while one moves its wait counts to the retired sums. */
    private final AtomicInteger leaving = new AtomicInteger();

    private Scheduler(int procs) {
        this.gomaxprocs = procs;
        for (int i = 0; i < procs; i++) {
            startCarrier(i);
        }
        this.monitor = new Monitor(this, Long.getLong("go4j.schedtrace", 0));
        monitor.start();
    }

    // ---- The scheduler in force. ----

    /** What runs goroutines in this JVM: go4j's scheduler, or the JDK's (with the reason). */
    private record Choice(Scheduler scheduler, String fallbackReason, String failure) {
    }

    private static final class Installed {
        static final Choice CHOICE = choose();
    }

    private static Choice choose() {
        String asked = System.getProperty("go4j.scheduler", "").trim().toLowerCase(Locale.ROOT);
        switch (asked) {
            case "jdk":
                return new Choice(null, "-Dgo4j.scheduler=jdk", null);
            case "go4j":
                if (!JdkAccess.available()) {
                    return new Choice(null, JdkAccess.unavailableReason(),
                            "-Dgo4j.scheduler=go4j asks for go4j's scheduler, but " + JdkAccess.unavailableReason());
                }
                return new Choice(new Scheduler(initialGomaxprocs()), null, null);
            case "":
                if (!JdkAccess.available()) {
                    // Go.scheduler() tells which runs, and fallbackReason() why: no logging in core
                    return new Choice(null, JdkAccess.unavailableReason(), null);
                }
                return new Choice(new Scheduler(initialGomaxprocs()), null, null);
            default:
                return new Choice(null, null, "-Dgo4j.scheduler must be \"go4j\" or \"jdk\", not \"" + asked + "\"");
        }
    }

    /** go4j's scheduler, or null when goroutines run on the JDK's; never throws. */
    public static Scheduler installed() {
        return Installed.CHOICE.scheduler;
    }

    /** Why goroutines run on the JDK's scheduler (a flag to add, or the property that asked), or null. */
    public static String fallbackReason() {
        return Installed.CHOICE.fallbackReason;
    }

    /**
     * A new, unstarted virtual thread for a goroutine, run by go4j's scheduler if it is installed, else by the
     * JDK's.
     *
     * @throws IllegalStateException if go4j's scheduler was asked for explicitly and cannot be had
     */
    public static Thread newGoroutineThread(String name, Runnable task) {
        Choice choice = Installed.CHOICE;
        if (choice.failure != null) {
            throw new IllegalStateException(choice.failure);
        }
        if (choice.scheduler != null) {
            return JdkAccess.newVirtualThread(new GoroutineExecutor(choice.scheduler), name, task);
        }
        Thread thread = JdkThreads.FACTORY.newThread(task);
        thread.setName(name);
        return thread;
    }

    /** Virtual threads on the JDK's scheduler, for the fallback. */
    private static final class JdkThreads {
        static final ThreadFactory FACTORY = Thread.ofVirtual().inheritInheritableThreadLocals(false).factory();
    }

    /** GOMAXPROCS in force: go4j's scheduler's, or the JDK scheduler's parallelism. */
    public static int gomaxprocs() {
        Scheduler s = installed();
        return s != null ? s.gomaxprocs : JdkParallelism.get();
    }

    /**
     * Sets GOMAXPROCS if {@code n >= 1}, Go's {@code runtime.GOMAXPROCS(n)}; returns the previous value. On the
     * JDK's scheduler, changes its parallelism where the JDK allows (24+), else only reports.
     */
    public static int setGomaxprocs(int n) {
        Scheduler s = installed();
        if (s == null) {
            return JdkParallelism.set(n);
        }
        return s.changeGomaxprocs(n);
    }

    private static int initialGomaxprocs() {
        Integer n = Integer.getInteger("go4j.gomaxprocs");
        if (n == null) {
            String env = System.getenv("GOMAXPROCS");
            if (env != null) {
                try {
                    n = Integer.parseInt(env.trim());
                } catch (NumberFormatException e) {
                    n = null; // Go ignores a malformed GOMAXPROCS too
                }
            }
        }
        return n != null && n >= 1 ? n : Runtime.getRuntime().availableProcessors();
    }

    /** This scheduler's counters. */
    public SchedStats stats() {
        return stats;
    }

    // ---- What the deadlock report asks. ----

    /**
     * True if no carrier runs a task and no task waits in any run queue: every virtual thread of this scheduler
     * is parked (a racy snapshot; the caller confirms it over time).
     */
    public boolean quiescent() {
        if (globalSize.get() > 0) {
            return false;
        }
        for (Carrier c : carriers) {
            if (c.current() != null || c.queued() > 0) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code thread} is one of this scheduler's own platform threads (a carrier or the monitor). */
    public boolean owns(Thread thread) {
        return thread instanceof Carrier c && c.sched == this || thread == monitor;
    }

    /**
     * Starts recording the virtual threads that goroutines start by other means (they run here too, see
     * GoroutineExecutor), for {@link #foreignThreads()}. Threads started before this call are not recorded.
     */
    public void trackForeignThreads() {
        if (foreignThreads == null) {
            foreignThreads = new ConcurrentHashMap<>();
        }
    }

    /** Records the thread of a task that is not a goroutine's own, if tracking is on. */
    void foreignTask(Runnable task) {
        ConcurrentHashMap<Runnable, Thread> tracked = foreignThreads;
        if (tracked != null && !tracked.containsKey(task)) {
            Thread thread = JdkAccess.virtualThreadOf(task);
            tracked.putIfAbsent(task, thread != null ? thread : Thread.currentThread());
            if (thread == null) {
                foreignUnknown = true;
            }
        }
    }

    /**
     * The live virtual threads recorded since {@link #trackForeignThreads()} (finished ones are forgotten now), or
     * null if tracking is off or a task's thread could not be told.
     */
    public List<Thread> foreignThreads() {
        ConcurrentHashMap<Runnable, Thread> tracked = foreignThreads;
        if (tracked == null || foreignUnknown) {
            return null;
        }
        tracked.values().removeIf(t -> t.getState() == Thread.State.TERMINATED);
        return List.copyOf(tracked.values());
    }

    // ---- The deadlock report's park counters (see Quiescence). ----

    /**
     * Counts a wait with a reason that the current goroutine begins ({@code began}) or ends, on the carrier it
     * runs on; false (nothing counted) if it runs on no carrier of go4j's scheduler, or go4j's scheduler is not
     * installed: the caller counts it elsewhere.
     */
    public static boolean countWaitOnCarrier(boolean began) {
        Scheduler s = installed();
        if (s != null && JdkAccess.currentCarrier() instanceof Carrier c && c.sched == s) {
            c.countWait(began);
            return true;
        }
        return false;
    }

    /** The sums of every carrier's wait counters, those of carriers that left included. */
    public record CarrierWaits(long begun, long ended) {
    }

    /**
     * The sums of the carriers' wait counters, or null if a carrier left meanwhile (its counts moving to the
     * retired sums): a seqlock, so that a sum never counts a carrier twice or not at all.
     */
    public CarrierWaits carrierWaits() {
        int seq = leaving.get();
        if ((seq & 1) != 0) {
            return null;
        }
        long begun = retiredWaitsBegun;
        long ended = retiredWaitsEnded;
        for (Carrier c : carriers) {
            begun += c.waitsBegun();
            ended += c.waitsEnded();
        }
        return leaving.get() == seq ? new CarrierWaits(begun, ended) : null;
    }

    /** Registers the timers that carriers look at in their scheduling points. */
    public void setTimerSource(TimerSource source) {
        this.timers = source;
    }

    // ---- execute and the queues. ----

    /** The JDK's entry: schedules {@code task}, a virtual thread's continuation; see the notes. */
    void execute(Runnable task) {
        Thread thread = JdkAccess.currentCarrier();
        if (thread instanceof Carrier c && c.sched == this && !c.retire) {
            if (!c.isRunning(task)) {
                c.putReady(task);
            } else if (putGlobalIsOnlyWork(task, c)) {
                return; // its own carrier takes it back next: no other carrier is needed (see the notes)
            }
        } else {
            putGlobal(task);
        }
        wakeIdle();
    }

    /**
     * A carrier's own task yields: puts it on the global queue and tells whether it is then the only work in
     * sight, the global queue's only task while nothing waits in {@code c}'s own queues, so that {@code c}, about
     * to look for work, takes it right back.
     */
    private boolean putGlobalIsOnlyWork(Runnable task, Carrier c) {
        return putGlobal(task) == 1 && c.queued() == 0;
    }

    /** Puts {@code task} on the global queue; returns the queue's size after the put. */
    private int putGlobal(Runnable task) {
        global.offer(task);
        int size = globalSize.incrementAndGet();
        stats.globalPuts.increment();
        return size;
    }

    /** Puts a batch on the global queue (a full local queue, a retiring carrier). */
    void putGlobal(Runnable[] batch) {
        for (Runnable task : batch) {
            putGlobal(task);
        }
        wakeIdle();
    }

    Runnable takeGlobal() {
        if (globalSize.get() == 0) {
            return null;
        }
        Runnable task = global.poll();
        if (task != null) {
            globalSize.decrementAndGet();
        }
        return task;
    }

    /** Whether any queue holds a task (the re-check before parking). */
    boolean hasWork(Carrier self) {
        if (globalSize.get() != 0) {
            return true;
        }
        for (Carrier c : carriers) {
            if (c.queued() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Carriers that are neither parked nor stuck in a blocked task. */
    int busyCarriers() {
        return carriers.length - stuck.get() - idle.get();
    }

    /**
     * Go's wakep: wakes one idle carrier as a spinner, unless one spins already or none is idle. The waker that
     * takes the spinning count from 0 to 1 and then finds no carrier idle (the one going idle had not marked
     * itself yet) gives the count back and looks again while some carrier counts itself idle: other wakers
     * relied on it when they saw the count at 1, and the carrier going idle may have checked the queues before
     * their work arrived. (Go's wakep cannot miss this way because sched.lock serialises it with pidleput.)
     */
    void wakeIdle() {
        while (spinning.get() == 0 && idle.get() > 0) {
            if (!spinning.compareAndSet(0, 1)) {
                return; // another waker (or spinner) holds the count and will look, as above
            }
            for (Carrier c : carriers) {
                if (!c.retire && c.wakeIfIdle()) {
                    idle.decrementAndGet();
                    stats.wakes.increment();
                    LockSupport.unpark(c);
                    monitor.wakeIfAsleep();
                    return;
                }
            }
            spinning.decrementAndGet();
        }
    }

    /** Wakes {@code c} whatever the spinning count, so that it sees a retire order. */
    private void wakeToRetire(Carrier c) {
        if (c.wakeIfIdle()) {
            idle.decrementAndGet();
            spinning.incrementAndGet(); // it wakes as a spinner; leaving undoes this
            LockSupport.unpark(c);
        }
    }

    // ---- Carriers coming and going. ----

    private Carrier startCarrier(int index) {
        String name = index >= 0 ? "go4j-carrier-" + index : "go4j-carrier-r" + replacementNames.incrementAndGet();
        Carrier c = new Carrier(this, index, name);
        while (true) {
            Carrier[] old = carriers;
            Carrier[] now = Arrays.copyOf(old, old.length + 1);
            now[old.length] = c;
            if (CARRIERS.compareAndSet(this, old, now)) {
                break;
            }
        }
        c.start();
        return c;
    }

    /**
     * Called by a carrier that retired, from its own thread, as it leaves: its wait counts move to the retired
     * sums inside the {@code leaving} seqlock (odd while a carrier leaves; leaving carriers take turns).
     */
    void carrierLeft(Carrier c) {
        while (true) {
            int seq = leaving.get();
            if ((seq & 1) == 0 && leaving.compareAndSet(seq, seq + 1)) {
                break;
            }
            Thread.onSpinWait();
        }
        retiredWaitsBegun += c.waitsBegun();
        retiredWaitsEnded += c.waitsEnded();
        while (true) {
            Carrier[] old = carriers;
            Carrier[] now = Arrays.stream(old).filter(x -> x != c).toArray(Carrier[]::new);
            if (CARRIERS.compareAndSet(this, old, now)) {
                break;
            }
        }
        leaving.incrementAndGet();
    }

    private int changeGomaxprocs(int n) {
        int previous = gomaxprocs;
        if (n < 1 || n == previous) {
            return previous;
        }
        gomaxprocs = n;
        for (Carrier c : carriers) {
            if (c.index >= n) {
                c.retire = true;
                wakeToRetire(c);
            }
        }
        for (int i = previous; i < n; i++) {
            startCarrier(i);
        }
        return previous;
    }

    /**
     * The monitor found {@code c} blocked (or computing too long) while goroutines wait: give it a stand-in. The
     * monitor's look may be stale: {@code c} may have finished that task and gone idle since, past its check of
     * {@code stuck}, and would then stay counted stuck, its stand-in never retiring, until it ran another task. So
     * the stand-in is counted and started before {@code stuck} is set (volatile), and {@code c}'s state (volatile)
     * is read after; {@code c} writes its state IDLE (volatile) before it reads {@code stuck} as it parks, or LEFT
     * as it retires (GOMAXPROCS went down, or it was a stand-in itself). One of
     * the two sees the other's write, and the one whose CAS clears {@code stuck} reports {@code c} back.
     */
    void replace(Carrier c) {
        if (carriers.length - gomaxprocs >= MAX_REPLACEMENTS) {
            return;
        }
        stuck.incrementAndGet();
        stats.handoffs.increment();
        startCarrier(-1);
        c.stuck = true;
        if (c.state != Carrier.RUNNING && c.clearStuck()) {
            carrierCameBack(c); // it went idle meanwhile
        }
    }

    /** A stuck carrier finished its task: one replacement retires again. */
    void carrierCameBack(Carrier c) {
        stuck.decrementAndGet();
        for (Carrier r : carriers) {
            if (r.index < 0 && r.claimRetire()) {
                stats.retiredReplacements.increment();
                wakeToRetire(r);
                return;
            }
        }
    }

    // ---- For the monitor and the trace. ----

    /** Whether tasks wait in any queue. */
    boolean workWaiting() {
        return hasWork(null);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Scheduler[gomaxprocs=" + gomaxprocs + ", spinning=" + spinning.get()
                + ", idle=" + idle.get() + ", stuck=" + stuck.get() + ", global=" + globalSize.get() + "/"
                + global.size());
        for (Carrier c : carriers) {
            text.append(", ").append(c);
        }
        return text.append(']').toString();
    }

    int stuckCarriers() {
        return stuck.get();
    }

    int globalQueued() {
        return globalSize.get();
    }

    int gomaxprocsValue() {
        return gomaxprocs;
    }

    static {
        try {
            CARRIERS = MethodHandles.lookup().findVarHandle(Scheduler.class, "carriers", Carrier[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
