package dev.go4j.internal.sched;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * One carrier: a platform thread that runs goroutines' virtual threads (Go's M with its P). It owns a runnext
 * slot and a bounded local run queue, and its loop is Go's schedule()/findRunnable():
 *
 *   1. retire if told to (GOMAXPROCS went down, or a replacement whose stuck carrier came back);
 *   2. if a timer of the real-time heap is due, wake the heap's thread (see TimerSource: never fire it here);
 *   3. every 61st non-inherited schedule, or once the time slice expired, the global queue's head first;
 *   4. runnext (inheriting the time slice), then the local queue, then the global queue;
 *   5. steal half of another carrier's queue, its runnext only on the last round and only after sleeping
 *      RUNNEXT_GRACE_NANOS while its owner keeps running the same task (Go's runqgrab usleep(3));
 *   6. park, after dropping the spinning state and re-checking every queue (so no wake-up is lost).
 *
 * Local run queue (Go's runq): RUNQ_SIZE slots, head advanced by CAS (owner and thieves), tail written only by
 * the owner with release; a thief copies a batch, then claims it with one CAS on head, and throws the copy away (its
 * slots cleared) if the CAS fails. Only the owner's thread puts: a goroutine mounted on this carrier runs on its
 * thread, and the JDK pins it for the duration of execute(), so it cannot move mid-put. A full queue moves half of
 * itself and the new task to the global queue (runqputslow).
 *
 * The queues hold runnable tasks only: a slot whose task was taken is cleared, by the owner only (forgetTaken,
 * after every task it runs and whenever it takes or puts), so that a finished or parked goroutine's thread is not
 * reachable from a carrier (the leak report needs a parked goroutine that nothing can wake to be unreachable); so
 * are the copies of a failed steal.
 *
 * runnext is written by the owner (getAndSet: the old one moves to the local tail) and taken by the owner or a
 * thief by CAS, so each task is taken once.
 *
 * States (field `state`, changed by CAS except by the owner while it is RUNNING):
 *     RUNNING         the owner runs a task or looks for one (counted busy)
 *     IDLE            parked; counted in Scheduler.idle
 *     WOKEN_SPINNING  a waker claimed this IDLE carrier and counted it as spinning (Go's startm(spinning));
 *                     the owner moves to RUNNING when it wakes
 *     LEFT            retired and gone from the scheduler: a stuck mark the monitor sets now (on a stale look)
 *                     is cleared by the monitor itself, as for an IDLE carrier (Scheduler.replace)
 *
 * Fields read by other threads (the monitor, thieves, wakers) are volatile or accessed with VarHandles; `current`
 * and `runs` are written by the owner with release (opaque reads elsewhere: a sample, exact whenever the owner
 * stays put). waitsBegun and waitsEnded are the deadlock report's park counters for the goroutines that run here:
 * only code on this thread writes them (a goroutine cannot move to another carrier between reading and writing
 * one, since it moves only when it parks or yields), so they cost a parking goroutine no shared cache line;
 * Scheduler.carrierWaits sums them.
 */

/** A carrier thread of go4j's scheduler; see the implementation notes. */
final class Carrier extends Thread {
    static final int RUNQ_SIZE = 256;
    private static final int MASK = RUNQ_SIZE - 1;
    static final int RUNNING = 0;
    static final int IDLE = 1;
    static final int WOKEN_SPINNING = 2;
    static final int LEFT = 3;
    /**
     * How long a thief sleeps before taking a running carrier's runnext: Go's runqgrab usleep(3). It sleeps rather
     * than spins, so that on a machine with few cores the victim can run meanwhile (the OS's timer slack, 50 µs on
     * Linux, stretches the sleep as it does Go's), block, and take runnext itself.
     */
    static final long RUNNEXT_GRACE_NANOS = 3_000;
    private static final int STEAL_ROUNDS = 4;
    /** Go checks the global queue every 61st schedule, so that it cannot starve behind the local queues. */
    private static final int GLOBAL_CHECK_INTERVAL = 61;

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle RUNNEXT;
    private static final VarHandle STATE;
    private static final VarHandle CURRENT;
    private static final VarHandle RUNS;
    private static final VarHandle STUCK;
    private static final VarHandle RETIRE;
    private static final VarHandle WAITS_BEGUN;
    private static final VarHandle WAITS_ENDED;

    final Scheduler sched;
    /** Position among the GOMAXPROCS carriers, or -1 for a replacement of a stuck carrier. Final. */
    final int index;
    private final Runnable[] runq = new Runnable[RUNQ_SIZE];
    /** Next slot to take; CAS by owner and thieves. */
    private volatile int head;
    /** Next slot to fill; written by the owner only (release). */
    private volatile int tail;
    private volatile Runnable runnext;
    /** RUNNING, IDLE or WOKEN_SPINNING; see the notes. */
    volatile int state;
    /** True while this carrier is counted in Scheduler.spinning; owner-only. */
    private boolean spinning;
    /** The task being run, or null while looking for work; owner writes (release), others read opaquely. */
    private Runnable current;
    /** Tasks run so far; owner writes (release), the monitor reads. */
    private long runs;
    /** runs when the current time slice began; owner writes, the monitor reads. */
    volatile long sliceStart;
    /** Set by the monitor when the time slice is over: no runnext hand-off, the global queue first. */
    volatile boolean sliceExpired;
    /**
     * Set by the monitor when this carrier blocked in a task and was replaced; cleared by CAS (clearStuck) by the
     * owner after that task or before it parks, or by the monitor if it finds the carrier idle right after setting
     * it: whoever clears it reports the carrier back (Scheduler.replace says why both may try).
     */
    volatile boolean stuck;
    /** Told to leave the scheduler at its next scheduling point; a stand-in's is claimed by CAS (claimRetire). */
    volatile boolean retire;
    /** Slots before this index hold no reference any more (see forgetTaken); owner-only. */
    private int cleaned;
    /** Schedules not inherited from runnext (Go's schedtick); owner-only. */
    private int schedtick;
    /**
     * Waits with a reason begun and ended by goroutines while mounted here (the deadlock report's counters, see
     * Quiescence): written only from this carrier's thread (opaque), read by anyone (opaque).
     */
    private long waitsBegun;
    private long waitsEnded;
    /** The monitor's bookkeeping of its last sample; monitor-only. */
    long seenRuns = -1;
    long seenRunsAt;
    long seenSlice = -1;
    long seenSliceAt;
    long seenCpu = -1;
    long seenCpuAt;

    Carrier(Scheduler sched, int index, String name) {
        super(null, null, name, 0, false);
        this.sched = sched;
        this.index = index;
        setDaemon(true);
    }

    /** The task being run, as last written by the owner, or null. */
    Runnable current() {
        return (Runnable) CURRENT.getOpaque(this);
    }

    /** Tasks run so far, as last written by the owner. */
    long runs() {
        return (long) RUNS.getOpaque(this);
    }

    /** Counts a wait begun ({@code began}) or ended by the goroutine running here; called on this thread only. */
    void countWait(boolean began) {
        if (began) {
            WAITS_BEGUN.setOpaque(this, waitsBegun + 1);
        } else {
            WAITS_ENDED.setOpaque(this, waitsEnded + 1);
        }
    }

    /** Waits begun here so far. */
    long waitsBegun() {
        return (long) WAITS_BEGUN.getOpaque(this);
    }

    /** Waits ended here so far. */
    long waitsEnded() {
        return (long) WAITS_ENDED.getOpaque(this);
    }

    /** Approximate number of tasks in the local queue and runnext, for the trace and the work checks. */
    int queued() {
        int n = (int) TAIL.getAcquire(this) - (int) HEAD.getAcquire(this);
        return Math.max(0, n) + (runnext != null ? 1 : 0);
    }

    @Override
    public void run() {
        while (true) {
            Runnable task = findRunnable();
            if (task == null) {
                return; // retired
            }
            if (spinning) {
                stopSpinning(); // found work: no longer a spinner (Go's schedule calls resetspinning)
            }
            RUNS.setRelease(this, runs + 1);
            CURRENT.setRelease(this, task);
            try {
                task.run();
            } catch (Throwable t) {
                taskFailed(t);
            }
            CURRENT.setRelease(this, null);
            forgetTaken((int) HEAD.getAcquire(this)); // slots thieves took while it ran (nothing to do, usually)
            if (stuck && clearStuck()) {
                sched.carrierCameBack(this);
            }
        }
    }

    /**
     * A task threw (the JDK's continuation machinery lets nothing escape normally, but a virtual thread's failing
     * uncaught-exception handler does): reported to this carrier's handler, and whatever that throws is dropped,
     * since a carrier that left its loop would strand every task in its queues.
     */
    private void taskFailed(Throwable t) {
        try {
            getUncaughtExceptionHandler().uncaughtException(this, t);
        } catch (Throwable handlerFailure) {
            // the carrier runs on
        }
    }

    // ---- Putting (owner only). ----

    /**
     * Puts a task readied by the goroutine running here (or by timers fired here): into runnext, the old runnext
     * moving to the local tail; once the time slice expired, into the local tail instead.
     */
    void putReady(Runnable task) {
        if (sliceExpired) {
            putLocal(task);
            return;
        }
        Runnable old = (Runnable) RUNNEXT.getAndSet(this, task);
        if (old != null) {
            putLocal(old);
        }
    }

    /** Whether {@code task} is the one this carrier runs right now (its own goroutine resubmitting itself). */
    boolean isRunning(Runnable task) {
        return current == task;
    }

    private void putLocal(Runnable task) {
        while (true) {
            int h = (int) HEAD.getAcquire(this);
            int t = tail;
            forgetTaken(h);
            if (t - h < RUNQ_SIZE) {
                runq[t & MASK] = task;
                TAIL.setRelease(this, t + 1);
                return;
            }
            if (putSlow(task, h, t)) {
                return;
            }
        }
    }

    /**
     * Owner only: drops the references to tasks taken from slots before {@code h} (by this carrier or by thieves),
     * so that a finished goroutine's thread, or a parked one's (which the leak report must see unreachable), is not
     * kept reachable by a stale slot. A slot that an index in [h, tail) uses again is live and kept; thieves never
     * write slots, so they cannot clobber a new task.
     */
    private void forgetTaken(int h) {
        int from = cleaned;
        if (h - from > RUNQ_SIZE) {
            from = h - RUNQ_SIZE;
        }
        int t = tail;
        for (int j = from; j - h < 0; j++) {
            if (j + RUNQ_SIZE - t >= 0) {
                runq[j & MASK] = null;
            }
        }
        cleaned = h;
    }

    /** The local queue is full: moves its older half and {@code task} to the global queue (Go's runqputslow). */
    private boolean putSlow(Runnable task, int h, int t) {
        int n = (t - h) / 2;
        Runnable[] batch = new Runnable[n + 1];
        for (int i = 0; i < n; i++) {
            batch[i] = runq[(h + i) & MASK];
        }
        if (!HEAD.compareAndSet(this, h, h + n)) {
            return false; // a thief took some meanwhile: there is room again
        }
        forgetTaken(h + n);
        batch[n] = task;
        sched.putGlobal(batch);
        return true;
    }

    // ---- Taking. ----

    private Runnable takeRunnext() {
        Runnable next = runnext;
        if (next != null && RUNNEXT.compareAndSet(this, next, null)) {
            return next;
        }
        return null;
    }

    private Runnable takeLocal() {
        while (true) {
            int h = (int) HEAD.getAcquire(this);
            int t = tail;
            if (t == h) {
                return null;
            }
            Runnable task = runq[h & MASK];
            if (HEAD.compareAndSet(this, h, h + 1)) {
                forgetTaken(h + 1);
                return task;
            }
        }
    }

    /**
     * Steals half of {@code victim}'s local queue into this carrier's (empty) queue and returns one of them; with
     * {@code runnextToo}, takes the victim's runnext when its queue is empty, after the grace period.
     */
    private Runnable stealFrom(Carrier victim, boolean runnextToo) {
        while (true) {
            int h = (int) HEAD.getAcquire(victim);
            int t = (int) TAIL.getAcquire(victim);
            int n = t - h;
            n -= n / 2;
            if (n <= 0) {
                return runnextToo ? stealRunnext(victim) : null;
            }
            if (n > RUNQ_SIZE / 2) {
                continue; // read head and tail at different moments: try again
            }
            int myTail = tail;
            for (int i = 0; i < n; i++) {
                runq[(myTail + i) & MASK] = victim.runq[(h + i) & MASK];
            }
            if (HEAD.compareAndSet(victim, h, h + n)) {
                int last = (myTail + n - 1) & MASK;
                Runnable task = runq[last];
                runq[last] = null; // returned, not queued: keep no reference to it
                if (n > 1) {
                    TAIL.setRelease(this, myTail + n - 1);
                }
                return task;
            }
            for (int i = 0; i < n; i++) {
                runq[(myTail + i) & MASK] = null; // the copy is thrown away: keep no reference beyond the tail
            }
        }
    }

    private Runnable stealRunnext(Carrier victim) {
        Runnable next = victim.runnext;
        if (next == null) {
            return null;
        }
        if (victim.state == RUNNING) {
            // Its owner runs a task (or is between two) and will most likely take runnext itself when that task
            // blocks, which is the cheap hand-off runnext exists for: give it a moment (Go: if the P is running).
            long runsBefore = victim.runs();
            sched.clock.parkUntil(this, sched.clock.nanoTime() + RUNNEXT_GRACE_NANOS);
            if (victim.runs() != runsBefore || victim.runnext != next) {
                return null;
            }
        }
        if (RUNNEXT.compareAndSet(victim, next, null)) {
            sched.stats.runnextSteals.increment();
            return next;
        }
        return null;
    }

    // ---- The scheduling loop. ----

    private Runnable newSlice(Runnable task) {
        schedtick++;
        sliceStart = runs + 1;
        sliceExpired = false;
        return task;
    }

    /** Go's findRunnable: the next task to run, or null once retired. */
    private Runnable findRunnable() {
        while (true) {
            if (retire) {
                leave();
                return null;
            }
            nudgeDueTimers();
            boolean expired = sliceExpired;
            Runnable task;
            if (expired || schedtick % GLOBAL_CHECK_INTERVAL == GLOBAL_CHECK_INTERVAL - 1) {
                task = sched.takeGlobal();
                if (task != null) {
                    return newSlice(task);
                }
            }
            if ((task = takeRunnext()) != null) {
                return task; // inherits the time slice
            }
            if ((task = takeLocal()) != null) {
                return newSlice(task);
            }
            if ((task = sched.takeGlobal()) != null) {
                return newSlice(task);
            }
            if ((task = stealWork()) != null) {
                return newSlice(task);
            }
            parkUnlessWork();
        }
    }

    private void nudgeDueTimers() {
        TimerSource timers = sched.timers;
        if (timers != null && timers.due(sched.clock)) {
            timers.nudge();
        }
    }

    /** Step 5: spin and steal, within Go's limit of spinning carriers (at most half of the busy ones). */
    private Runnable stealWork() {
        if (!spinning) {
            if (2 * sched.spinning.get() >= sched.busyCarriers()) {
                return null;
            }
            startSpinning();
        }
        Carrier[] all = sched.carriers;
        int offset = ThreadLocalRandom.current().nextInt(all.length);
        for (int round = 0; round < STEAL_ROUNDS; round++) {
            boolean lastRound = round == STEAL_ROUNDS - 1;
            for (int k = 0; k < all.length; k++) {
                Carrier victim = all[(offset + k) % all.length];
                if (victim == this) {
                    continue;
                }
                Runnable task = stealFrom(victim, lastRound);
                if (task != null) {
                    sched.stats.steals.increment();
                    return task;
                }
            }
            Runnable task = sched.takeGlobal();
            if (task != null) {
                return task;
            }
        }
        return null;
    }

    private void startSpinning() {
        spinning = true;
        sched.spinning.incrementAndGet();
    }

    /** Found work while spinning: if this was the last spinner, another one may be needed (Go's resetspinning). */
    private void stopSpinning() {
        spinning = false;
        if (sched.spinning.decrementAndGet() == 0) {
            sched.wakeIdle();
        }
    }

    /**
     * Sets {@link #retire}; true for the one caller that did. Two stuck carriers coming back at once each retire
     * a different stand-in this way, never the same one twice (which would leave the other stand-in for good).
     */
    boolean claimRetire() {
        return RETIRE.compareAndSet(this, false, true);
    }

    /** Clears {@link #stuck}; true for the one caller that did, which then reports this carrier back. */
    boolean clearStuck() {
        return STUCK.compareAndSet(this, true, false);
    }

    /** Step 6: parks unless a re-check finds work; returns to the loop either way. */
    private void parkUnlessWork() {
        if (spinning) {
            spinning = false;
            sched.spinning.decrementAndGet();
            if (sched.hasWork(this)) { // work that arrived while we were the spinner that wakers relied on
                startSpinning();
                return;
            }
        }
        forgetTaken((int) HEAD.getAcquire(this));
        STATE.setVolatile(this, IDLE);
        sched.idle.incrementAndGet();
        if (stuck && clearStuck()) { // replaced after its task had ended (a stale look, see Scheduler.replace)
            sched.carrierCameBack(this);
        }
        if (retire || sched.hasWork(this)) {
            if (STATE.compareAndSet(this, IDLE, RUNNING)) {
                sched.idle.decrementAndGet();
                return;
            }
            // A waker claimed this carrier meanwhile; act as woken below.
        }
        sched.stats.parks.increment();
        while (state == IDLE) {
            LockSupport.park(this);
        }
        if (state == WOKEN_SPINNING) {
            spinning = true; // the waker counted us in Scheduler.spinning and out of Scheduler.idle
        }
        STATE.setVolatile(this, RUNNING);
    }

    /** Claims this carrier if it is idle, counting it as spinning; the caller then unparks it. */
    boolean wakeIfIdle() {
        return STATE.compareAndSet(this, IDLE, WOKEN_SPINNING);
    }

    /**
     * Retiring: leaves the carriers, hands every queued task to the global queue, and, since wakers may have
     * relied on this carrier (it may still count as spinning), makes sure another one looks.
     */
    private void leave() {
        if (spinning) {
            spinning = false;
            sched.spinning.decrementAndGet();
        }
        sched.carrierLeft(this);
        Runnable task;
        while ((task = takeRunnext()) != null || (task = takeLocal()) != null) {
            sched.putGlobal(new Runnable[] {task});
        }
        // A mark set after this carrier's last task ended (a stale look) must not outlive it: write the state,
        // then read the mark, while Scheduler.replace writes the mark, then reads the state.
        STATE.setVolatile(this, LEFT);
        if (stuck && clearStuck()) {
            sched.carrierCameBack(this);
        }
        sched.wakeIdle();
    }

    @Override
    public String toString() {
        return getName() + "{state=" + state + ", queued=" + queued() + ", running=" + (current() != null)
                + ", runs=" + runs() + (retire ? ", retiring" : "") + (stuck ? ", stuck" : "") + "}";
    }

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(Carrier.class, "head", int.class);
            TAIL = lookup.findVarHandle(Carrier.class, "tail", int.class);
            RUNNEXT = lookup.findVarHandle(Carrier.class, "runnext", Runnable.class);
            STATE = lookup.findVarHandle(Carrier.class, "state", int.class);
            CURRENT = lookup.findVarHandle(Carrier.class, "current", Runnable.class);
            RUNS = lookup.findVarHandle(Carrier.class, "runs", long.class);
            STUCK = lookup.findVarHandle(Carrier.class, "stuck", boolean.class);
            RETIRE = lookup.findVarHandle(Carrier.class, "retire", boolean.class);
            WAITS_BEGUN = lookup.findVarHandle(Carrier.class, "waitsBegun", long.class);
            WAITS_ENDED = lookup.findVarHandle(Carrier.class, "waitsEnded", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
