package dev.go4j.internal.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The one carrier of a synctest bubble: a platform thread that is the executor of every virtual thread of the
 * bubble, so the bubble runs one task at a time, in the order tasks were submitted (FIFO), and its owner decides
 * what happens when nothing is left to run (the Idle callback: wake Synctest.await, advance the fake clock, call a
 * deadlock, or wait for a wake-up from outside).
 *
 * The JDK's executor contract (see JdkAccess) holds: execute() only queues (a ConcurrentLinkedQueue) and unparks
 * the carrier if it waits, from any thread; it never runs the task inline or throws. The carrier publishes
 * `waiting` before it re-checks the queue and parks, and execute() queues before it reads `waiting`, so no
 * submission is missed (each side writes, then reads the other's variable; both are volatile).
 *
 * Tasks are recorded the first time they are submitted (a virtual thread's first submission is its start, and
 * every later one is the same runContinuation task), with their thread, so the owner can tell the bubble's
 * goroutines from virtual threads that non-go4j code started inside the bubble (they inherit this executor).
 * progress counts the tasks run, for the owner's watchdog; it is the only field other threads read.
 *
 * With a Chooser (schedule exploration), the carrier does not run tasks first come, first served: it moves what is
 * queued to its own list of runnable tasks (in arrival order, so the same decisions meet the same list) and runs
 * the one the chooser picks.
 */

/** A synctest bubble's carrier thread and executor; see the implementation notes. */
public final class BubbleCarrier extends Thread implements Executor {
    /** What the carrier asks its owner when its queue is empty. */
    public interface Idle {
        /**
         * Called on the carrier when no task is queued. Return true if something may have been made runnable (a
         * goroutine woken, the clock advanced) and the carrier should look again, false to wait for a submission.
         */
        boolean idle();
    }

    /** Picks which runnable task runs next, for schedule exploration. */
    public interface Chooser {
        /**
         * Returns the index in {@code runnable} (never empty, in arrival order) of the task to run next; called on
         * the carrier.
         */
        int choose(List<Runnable> runnable);
    }

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    /** With a chooser: the tasks taken from the queue and not run yet, in arrival order. Carrier only. */
    private final List<Runnable> runnable = new ArrayList<>();
    /** The chooser, or null for first come, first served; set before start. */
    private Chooser chooser;
    /** Every task submitted so far and its virtual thread (null if go4j cannot tell); pruned by threads(). */
    private final Map<Runnable, Thread> tasks = new ConcurrentHashMap<>();
    private final Runnable onStart;
    private final Idle idle;
    /** True while the carrier is about to park or parked for lack of tasks. */
    private volatile boolean waiting;
    /** Set by stopCarrier(): the carrier leaves its loop at its next idle moment. */
    private volatile boolean stopped;
    /** Tasks run so far; the carrier writes, a watchdog reads. */
    private volatile long progress;
    /** The bubble this carrier serves (set once by its owner before start), for ownerOfCurrentCarrier(). */
    private volatile Object owner;

    /**
     * A carrier, not started yet.
     *
     * @param name the thread's name
     * @param onStart run first on the carrier thread (to bind it to its bubble)
     * @param idle what to do when nothing is queued
     */
    public BubbleCarrier(String name, Runnable onStart, Idle idle) {
        super(null, null, name, 0, false);
        this.onStart = onStart;
        this.idle = idle;
        setDaemon(true);
    }

    /**
     * A new, unstarted virtual thread run by this carrier.
     *
     * @throws IllegalStateException if go4j cannot give virtual threads an executor on this JVM (the message
     *     names the flag to add)
     */
    public Thread newThread(String name, Runnable task) {
        return JdkAccess.newVirtualThread(this, name, task);
    }

    @Override
    public void execute(Runnable task) {
        if (!tasks.containsKey(task)) {
            Thread thread = JdkAccess.virtualThreadOf(task);
            tasks.putIfAbsent(task, thread == null ? this : thread);
        }
        queue.add(task);
        if (waiting) {
            LockSupport.unpark(this);
        }
    }

    /** Makes the carrier run tasks in the order {@code chooser} picks; call before it starts. */
    public void setChooser(Chooser chooser) {
        this.chooser = chooser;
    }

    /** The virtual thread of a submitted task, or null if go4j cannot tell. */
    public Thread threadOf(Runnable task) {
        Thread thread = tasks.get(task);
        return thread == this ? null : thread;
    }

    private Runnable next() {
        if (chooser == null) {
            return queue.poll();
        }
        for (Runnable task; (task = queue.poll()) != null; ) {
            runnable.add(task);
        }
        return runnable.isEmpty() ? null : runnable.remove(chooser.choose(runnable));
    }

    @Override
    public void run() {
        onStart.run();
        while (true) {
            Runnable task = next();
            if (task != null) {
                task.run();
                progress++;
                continue;
            }
            if (stopped) {
                return;
            }
            if (idle.idle()) {
                continue;
            }
            waiting = true;
            if (queue.isEmpty() && !stopped) {
                LockSupport.park(this);
            }
            waiting = false;
        }
    }

    /** Records what this carrier serves (its bubble); call before it starts. */
    public void setOwner(Object owner) {
        this.owner = owner;
    }

    /**
     * The owner of the carrier the current virtual thread runs on, if that is a bubble's carrier, else null: how a
     * virtual thread that non-go4j code started inside a bubble is told to belong to it.
     */
    public static Object ownerOfCurrentCarrier() {
        Thread self = Thread.currentThread();
        if (!self.isVirtual() || !JdkAccess.available()) {
            return null;
        }
        return JdkAccess.currentCarrier() instanceof BubbleCarrier carrier ? carrier.owner : null;
    }

    /** Makes the carrier leave once nothing is queued. */
    public void stopCarrier() {
        stopped = true;
        LockSupport.unpark(this);
    }

    /** Tasks run so far: a watchdog sees progress while it grows. */
    public long progress() {
        return progress;
    }

    /** True if a task is queued; carrier thread only (between tasks), or a racy snapshot elsewhere. */
    public boolean hasQueuedTasks() {
        return !queue.isEmpty() || !runnable.isEmpty();
    }

    /** The live virtual threads this carrier has run or queued (the carrier itself for any it cannot tell). */
    public List<Thread> threads() {
        tasks.values().removeIf(t -> t.getState() == State.TERMINATED);
        return new ArrayList<>(tasks.values());
    }
}
