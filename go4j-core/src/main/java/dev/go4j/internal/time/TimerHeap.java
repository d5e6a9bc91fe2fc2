package dev.go4j.internal.time;

import dev.go4j.internal.chan.Channel;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.park.Waiter;
import dev.go4j.internal.runtime.Program;
import dev.go4j.internal.sched.Scheduler;
import dev.go4j.internal.sched.TimerSource;
import dev.go4j.internal.park.RuntimeLock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Implementation notes.
 *
 * A heap of timers and the thread that runs them when they are due (Go's per-P `timers`, one instance per
 * clock): a binary min-heap ordered by each timer's heapWhen, and one daemon platform thread ("go4j-clock") that
 * waits until the earliest one and runs what is due. The real-time heap (real()) serves every goroutine today;
 * the deterministic test kit will give each bubble a heap of its own on its fake clock, which is why the heap is
 * an instance and a timer records the heap it belongs to.
 *
 * What is in the heap (Go 1.23): func timers (afterFunc, context deadlines) while armed, and channel timers only
 * while a goroutine is blocked on their channel. Everything else is found by the channel operation itself
 * (TimerCore.maybeRun), so an unreferenced timer is plain garbage.
 *
 * Locks and fields: `lock` (a RuntimeLock) guards the array, `size`, every timer's heapIndex and heapWhen, and the
 * sleeping fields. Lock order: heap, then timer, then channel. A timer's heapIndex changes only while both the
 * heap's and the timer's lock are held, so either lock is enough to read it.
 *
 * heapWhen is the key a timer was sifted with; the timer's own `when` may have moved since (a reset), so the
 * runner re-checks a due head under its lock before firing it and re-sifts or drops it as needed. A reset of a
 * heaped timer re-sifts it itself right away (TimerCore.rearm), so heapWhen is stale only for that moment.
 *
 * Zombies (Go's timerZombie): a heaped timer that stopped needing the heap (stopped, or its last blocked receiver
 * left) is only marked (zombie, under its own lock, and counted in `zombies`); whoever next holds the heap lock
 * drops it: the runner when it reaches the head, and add() sweeps the whole heap when more than a quarter of it
 * is zombies, so the heap stays within a constant factor of the live timers and the marking costs its goroutine
 * no heap operation.
 *
 * Carriers. With go4j's scheduler installed, the real-time heap is also a TimerSource: a carrier at a scheduling
 * point reads `earliest` (a hint published under the lock) and, if a timer is due, wakes the runner at once
 * (nudge) instead of leaving it to oversleep by the OS's timer slack. Carriers never fire timers themselves:
 * firing takes runtime locks, and a carrier must never wait for a lock (see the scheduler's notes).
 *
 * Waking the runner. The runner records when it will next look at the heap on its own (wakeAt) and parks through
 * go4j's park path on a fresh Waiter (no wait reason: it is not a goroutine); a new head due no earlier than
 * wakeAt needs no wake-up, and a dropped timer never does - the runner just finds nothing due at its planned time
 * and plans again. Only a head earlier than wakeAt claims the sleeper's Waiter. (go4j-bench SelectTimeout: the
 * measured reason this rule exists, see bench/README.md.)
 *
 * Waking on time. A timed park ends up to the OS's timer slack late (50 µs on Linux, where a thread cannot
 * change its own slack from Java), and that lateness would be every timer's. So the runner parks until
 * EARLY_WAKE_NANOS before its planned wake-up and spins the rest (until the planned time, or until a timer
 * added meanwhile is due: add() then finds the sleeper's Waiter cancelled, and the spin reads `earliest`). The
 * price is at most EARLY_WAKE_NANOS of one core per planned wake-up; a signalled runner (a nudge, an earlier
 * head) does not spin.
 *
 * Warm-up. A cold JVM loads and verifies the dozen classes between Time.after and its firing (the timer, its
 * channel, this heap and its thread, Instant, and the facade) in about 3 ms on a 2-core machine, which a
 * program's first timer would add to its lateness (Go: about 0.1 ms), and a program's first receive loads the
 * channel core's too. The facade (dev.go4j.time) is left to the first call: internal code does not use it. So the first use of Go (its class initialiser) has a short-lived daemon thread make a timer in
 * the real-time heap, poll its channel and another channel, and stop it, which loads them and starts the
 * runner while the program starts up; Go.main waits for it (at most 100 ms) before it runs the program's body,
 * as Go's runtime is set up before main.main runs, so a program's timers never wait for class loading. Library
 * code (no Go.main) just gets the head start.
 *
 * Invariants (under lock): heap[0 .. size) is a min-heap by heapWhen (compared by subtraction, see Clock) and
 * heap[i].heapIndex == i; a timer not in the heap has heapIndex -1; zombies counts heaped timers marked zombie.
 */

/** A heap of timers with its runner thread; see the implementation notes. */
public final class TimerHeap implements TimerSource {
    private static final int INITIAL_CAPACITY = 16;
    /**
     * How much earlier than planned the runner's timed park ends: the OS's timer slack (50 µs on Linux) and a
     * wake-up's latency; the rest of the wait is spun (see the notes).
     */
    static final long EARLY_WAKE_NANOS = 75_000;

    /** The clock whose nanoTime orders this heap. Final. */
    final Clock clock;
    /** Guards the heap, heapIndex/heapWhen of its timers and the sleeping fields. */
    final RuntimeLock lock = new RuntimeLock();
    /** The heap; slots from size on are null. Guarded by lock. */
    private TimerCore[] heap = new TimerCore[INITIAL_CAPACITY];
    private int size;
    /** heap[0]'s heapWhen, and whether there is a heap[0]: written under lock, read racily by carriers. */
    private volatile long earliest;
    private volatile boolean any;
    /** Heaped timers marked zombie; changed under the marked timer's lock, read anywhere. */
    final AtomicInteger zombies = new AtomicInteger();
    /**
     * The runner's Waiter while it sleeps (until wakeAt, or for good if sleepingForever), else null. Written under
     * lock; read without it by nudge.
     */
    private volatile Waiter sleeper;
    private boolean sleepingForever;
    private long wakeAt;

    /** The thread that runs due timers, or null for a bubble's heap (its carrier fires it). Final. */
    private final Thread runner;
    /** The warm-up thread once made (null before); see warmUpInBackground. */
    private static volatile Thread warmingUp;
    /** Set when the warm-up is over (or could not start). */
    private static volatile boolean warmedUp;
    /** The Waiter of the thread in awaitWarmUp, or null. */
    private static volatile Waiter warmUpWaiter;
    /** The longest Go.main waits for the warm-up. */
    private static final Duration WARM_UP_WAIT = Duration.ofMillis(100);
    /** The heaps of open synctest bubbles, by their clocks. */
    private static final ConcurrentHashMap<Clock, TimerHeap> BUBBLE_HEAPS = new ConcurrentHashMap<>();

    TimerHeap(Clock clock, String runnerName) {
        this.clock = clock;
        this.runner = runnerName == null ? null : new Thread(this::runLoop, runnerName);
        if (runner != null) {
            runner.setDaemon(true);
            runner.start();
        }
    }

    /**
     * Makes the timer heap of a synctest bubble whose goroutines read {@code clock}: it has no thread (the
     * bubble's carrier fires it, see {@link #nextWhen()} and {@link #fireDue()}) and is the current heap of every
     * thread bound to that clock until {@link #closeBubble()}.
     */
    public static TimerHeap openBubble(Clock clock) {
        TimerHeap heap = new TimerHeap(clock, null);
        BUBBLE_HEAPS.put(clock, heap);
        return heap;
    }

    /**
     * Go's fatal error for a bubble's timer or ticker used from outside its bubble: this heap is a bubble's and
     * the current thread's heap is another.
     */
    void checkBubble() {
        if (runner == null && current() != this) {
            throw Program.fatal("synctest timer accessed from outside bubble");
        }
    }

    /** Forgets a heap made by {@link #openBubble}. */
    public void closeBubble() {
        BUBBLE_HEAPS.remove(clock, this);
    }

    /** The thread that runs this heap's timers. */
    public Thread runner() {
        return runner;
    }

    /**
     * True if no timer needs the heap and the runner is parked, not firing one: no timer of this heap can wake
     * anyone (a snapshot, for the deadlock report).
     */
    public boolean idle() {
        lock.lock();
        try {
            return size == zombies.get() && sleeper != null;
        } finally {
            lock.unlock();
        }
    }

    /** The heap of real time, served by the thread "go4j-clock", created on first use. */
    public static TimerHeap real() {
        return Real.HEAP;
    }

    /**
     * Starts, on a short-lived daemon thread, what a program's first timer would otherwise wait for: the
     * real-time heap with its thread, and the classes a channel timer and its firing use (see the notes). Returns
     * at once; only the first call does anything.
     */
    public static void warmUpInBackground() {
        WarmUp.touch();
    }

    /**
     * Waits until the warm-up is done, at most {@link #WARM_UP_WAIT}; starts it if need be. Go.main calls it before
     * the program's body, as Go's runtime sets itself up before main.main (see the notes). One caller at a time.
     */
    public static void awaitWarmUp() {
        warmUpInBackground();
        if (warmedUp) {
            return;
        }
        Waiter waiter = new Waiter();
        warmUpWaiter = waiter;
        if (!warmedUp) { // else the warm-up ended before it could see the waiter
            waiter.await(null, WarmUp.class, Deadline.after(WARM_UP_WAIT), false);
        }
        warmUpWaiter = null;
    }

    /** Whether the warm-up is over: a probe for tests. */
    static boolean warmUpDone() {
        return warmedUp;
    }

    /**
     * Whether {@code thread} is the warm-up thread, which never wakes a goroutine (for the deadlock report, which
     * must not wait for it); never starts the warm-up.
     */
    public static boolean isWarmUpThread(Thread thread) {
        return thread == warmingUp;
    }

    /** The holder whose initialisation starts the warm-up thread. */
    private static final class WarmUp {
        static {
            try {
                Thread thread = Thread.ofPlatform().name("go4j-timer-warm-up").daemon()
                        .inheritInheritableThreadLocals(false).unstarted(WarmUp::run);
                warmingUp = thread;
                thread.start();
            } catch (Throwable failure) {
                warmedUp = true; // no warm-up: the first timer loads the classes itself
            }
        }

        static void touch() {
        }

        private static void run() {
            try {
                TimerCore timer = TimerCore.channelTimer(TimeUnit.HOURS.toNanos(1)); // in real(): starts its thread
                timer.channel().tryReceive(); // the receive path of a timer's channel, and of channels at all
                Channel.make(1, null).tryReceive();
                timer.stop();
                Instant.now(); // what a firing sends
            } finally {
                warmedUp = true; // then reads the waiter: awaitWarmUp writes it, then reads warmedUp
                Waiter waiter = warmUpWaiter;
                if (waiter != null) {
                    waiter.signal();
                }
            }
        }
    }

    /** The heap that timers made by the current goroutine belong to: its bubble's, or the real-time one. */
    static TimerHeap current() {
        Clock clock = Clock.current();
        if (clock != Clock.system()) {
            TimerHeap bubbleHeap = BUBBLE_HEAPS.get(clock);
            if (bubbleHeap != null) {
                return bubbleHeap;
            }
        }
        return real();
    }

    /** Heaped timers that still need the heap (not zombies): a probe for the no-leak tests. */
    public int pending() {
        lock.lock();
        try {
            return size - zombies.get();
        } finally {
            lock.unlock();
        }
    }

    /** Every heaped timer, zombies too: a probe for tests. */
    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the runner is parked waiting for its planned wake-up, a snapshot: a probe for tests. */
    boolean sleeping() {
        lock.lock();
        try {
            return sleeper != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds {@code timer} if it needs the heap and is not in it (checked under both locks), waking the runner if it
     * is the new earliest; sweeps zombies first when they are more than a quarter of the heap.
     */
    void add(TimerCore timer) {
        Waiter toWake = null;
        lock.lock();
        try {
            if (zombies.get() > size / 4 && size >= INITIAL_CAPACITY) {
                sweepZombies();
            }
            timer.lock.lock();
            try {
                if (timer.heapIndex >= 0 || !timer.needsHeap()) {
                    return;
                }
                if (size == heap.length) {
                    heap = Arrays.copyOf(heap, size * 2);
                }
                timer.heapWhen = timer.when;
                siftUp(size++, timer);
                publishEarliest();
                toWake = wakeIfEarlier(timer.heapWhen);
            } finally {
                timer.lock.unlock();
            }
        } finally {
            lock.unlock();
        }
        if (toWake != null) {
            toWake.signal();
        }
    }

    /** Re-sifts a heaped {@code timer} whose {@code when} changed (a reset), or drops it if it no longer needs it. */
    void update(TimerCore timer) {
        Waiter toWake = null;
        lock.lock();
        try {
            timer.lock.lock();
            try {
                int i = timer.heapIndex;
                if (i < 0) {
                    return;
                }
                if (!timer.needsHeap()) {
                    dropZombieOrLive(timer);
                    publishEarliest();
                    return;
                }
                timer.heapWhen = timer.when;
                siftDown(i, timer);
                if (heap[i] == timer) {
                    siftUp(i, timer);
                }
                publishEarliest();
                toWake = wakeIfEarlier(timer.heapWhen);
            } finally {
                timer.lock.unlock();
            }
        } finally {
            lock.unlock();
        }
        if (toWake != null) {
            toWake.signal();
        }
    }

    /** Under lock: the sleeping runner's Waiter to signal if {@code when} is before its planned wake-up. */
    private Waiter wakeIfEarlier(long when) {
        Waiter s = sleeper;
        if (s != null && (sleepingForever || when - wakeAt < 0)) {
            sleeper = null;
            return s;
        }
        return null;
    }

    private void runLoop() {
        while (true) {
            Waiter sleep = new Waiter();
            Deadline until = runDueThenSleep(sleep);
            if (until.isNever()) {
                sleep.await(null, this, until, false);
            } else if (sleep.await(null, this, Deadline.at(until.nanos() - EARLY_WAKE_NANOS), false) == null) {
                spinUntilDue(until.nanos());
            }
            lock.lock();
            try {
                if (sleeper == sleep) {
                    sleeper = null;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * The end of an early wake-up (see the notes): spins until {@code planned} passes or a timer added meanwhile
     * is due, at most {@link #EARLY_WAKE_NANOS}.
     */
    private void spinUntilDue(long planned) {
        while (planned - clock.nanoTime() > 0 && !due(clock)) {
            Thread.onSpinWait();
        }
    }

    /**
     * Runs every due timer, then records {@code sleep} as the sleeper and returns until when to sleep. Firing
     * happens with the timer's lock held but the heap's released, so a timer's action may touch the heap again.
     */
    private Deadline runDueThenSleep(Waiter sleep) {
        while (true) {
            TimerCore due;
            lock.lock();
            try {
                due = takeDue(clock.nanoTime());
                if (due == null) {
                    sleeper = sleep;
                    sleepingForever = size == 0;
                    wakeAt = size == 0 ? 0 : heap[0].heapWhen;
                    return sleepingForever ? Deadline.NEVER : Deadline.at(wakeAt);
                }
            } finally {
                lock.unlock();
            }
            due.runFromHeap(clock.nanoTime()); // releases due's lock
        }
    }

    @Override
    public boolean due(Clock c) {
        return any && earliest - c.nanoTime() <= 0;
    }

    /** A carrier saw a timer due: wake the runner now (lock-free; a stale or claimed sleeper is harmless). */
    @Override
    public void nudge() {
        Waiter s = sleeper;
        if (s != null) {
            s.signal();
        }
    }

    /**
     * Under lock: drops zombies and re-sifts reset timers at the head, then takes the head out if it is due and
     * returns it with its lock held; null if nothing is due.
     */
    private TimerCore takeDue(long now) {
        try {
            TimerCore head = settledHead();
            if (head == null) {
                return null;
            }
            if (head.when - now <= 0) {
                removeAt(0);
                return head; // fired by the caller with its lock still held
            }
            head.lock.unlock();
            return null;
        } finally {
            publishEarliest();
        }
    }

    /**
     * Under lock: drops zombies and re-sifts reset timers at the head until the head is live and in its place;
     * returns it with its own lock held, or null if the heap is empty.
     */
    private TimerCore settledHead() {
        while (size > 0) {
            TimerCore head = heap[0];
            head.lock.lock();
            if (!head.needsHeap()) {
                dropZombieOrLive(head);
                head.lock.unlock();
            } else if (head.when != head.heapWhen) {
                head.heapWhen = head.when; // reset meanwhile: put it where it belongs now
                siftDown(0, head);
                head.lock.unlock();
            } else {
                return head;
            }
        }
        return null;
    }

    /**
     * When the earliest timer that still needs the heap fires, on this heap's clock, or {@code Long.MAX_VALUE} if
     * there is none: how far a synctest bubble's carrier advances its clock.
     */
    public long nextWhen() {
        lock.lock();
        try {
            TimerCore head = settledHead();
            if (head == null) {
                return Long.MAX_VALUE;
            }
            head.lock.unlock();
            return head.heapWhen;
        } finally {
            publishEarliest();
            lock.unlock();
        }
    }

    /** Fires every timer due by this heap's clock now: a bubble's carrier, after advancing the clock. */
    public void fireDue() {
        while (true) {
            TimerCore due;
            lock.lock();
            try {
                due = takeDue(clock.nanoTime());
            } finally {
                lock.unlock();
            }
            if (due == null) {
                return;
            }
            due.runFromHeap(clock.nanoTime()); // releases due's lock
        }
    }

    /** Under lock: what carriers read to see whether a timer is due (a hint; see TimerSource). */
    private void publishEarliest() {
        if (size > 0) {
            earliest = heap[0].heapWhen;
            any = true;
        } else {
            any = false;
        }
    }

    /** Under both locks: takes a timer that no longer needs the heap out of it, keeping the zombie count. */
    private void dropZombieOrLive(TimerCore timer) {
        if (timer.zombie) {
            timer.zombie = false;
            zombies.decrementAndGet();
        }
        removeAt(timer.heapIndex);
    }

    /** Under lock: drops every zombie, then restores the heap order. */
    private void sweepZombies() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            TimerCore timer = heap[i];
            timer.lock.lock();
            try {
                if (timer.needsHeap()) {
                    heap[kept++] = timer;
                } else {
                    if (timer.zombie) {
                        timer.zombie = false;
                        zombies.decrementAndGet();
                    }
                    timer.heapIndex = -1;
                }
            } finally {
                timer.lock.unlock();
            }
        }
        Arrays.fill(heap, kept, size, null);
        size = kept;
        for (int i = 0; i < size; i++) {
            heap[i].heapIndex = i;
        }
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, heap[i]);
        }
        shrinkIfSparse();
    }

    private void removeAt(int i) {
        TimerCore removed = heap[i];
        removed.heapIndex = -1;
        int last = --size;
        TimerCore moved = heap[last];
        heap[last] = null;
        if (i != last) {
            siftDown(i, moved);
            if (heap[i] == moved) {
                siftUp(i, moved);
            }
        }
        shrinkIfSparse();
    }

    private void shrinkIfSparse() {
        if (heap.length > INITIAL_CAPACITY && size < heap.length / 4) {
            heap = Arrays.copyOf(heap, Math.max(INITIAL_CAPACITY, heap.length / 2));
        }
    }

    private void siftUp(int i, TimerCore timer) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            TimerCore p = heap[parent];
            if (timer.heapWhen - p.heapWhen >= 0) {
                break;
            }
            place(i, p);
            i = parent;
        }
        place(i, timer);
    }

    private void siftDown(int i, TimerCore timer) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            TimerCore c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].heapWhen - c.heapWhen < 0) {
                child = right;
                c = heap[child];
            }
            if (timer.heapWhen - c.heapWhen <= 0) {
                break;
            }
            place(i, c);
            i = child;
        }
        place(i, timer);
    }

    private void place(int i, TimerCore timer) {
        heap[i] = timer;
        timer.heapIndex = i;
    }

    @Override
    public String toString() {
        return "TimerHeap[" + pending() + " pending]";
    }

    /** Holder of the real-time heap and its thread, created on first use; go4j's carriers fire it too. */
    private static final class Real {
        static final TimerHeap HEAP = realHeap();

        private static TimerHeap realHeap() {
            TimerHeap heap = new TimerHeap(Clock.system(), "go4j-clock");
            Scheduler scheduler = Scheduler.installed();
            if (scheduler != null) {
                scheduler.setTimerSource(heap);
            }
            return heap;
        }
    }
}
