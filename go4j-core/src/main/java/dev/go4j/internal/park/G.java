package dev.go4j.internal.park;

import dev.go4j.WaitReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * A G (the Go runtime's name) is go4j's record of one goroutine: its id, its thread, and what it is blocked on.
 * Goroutines started by go4j get a G before their thread starts, registered for the goroutine's whole life in a
 * striped set: STRIPES intrusive doubly linked lists, each under its own lock, chosen by goroutine id. Register
 * and unregister are a few pointer writes under an uncontended lock, which is what spawning a goroutine can
 * afford (a ConcurrentHashMap's put, remove and size counter cost several times more: go4j-bench Spawn). Lookups
 * by thread and enumeration are O(live goroutines); only diagnostics (awaitBlocked, later dumps) do them. A thread
 * go4j did not start (a JUnit thread, a platform thread of a server) gets a G with id 0 lazily, the first time it
 * touches the park path; it is in the FOREIGN map only while it is parked, so it shows up in awaitBlocked and
 * later in goroutine dumps, and is never counted as a goroutine.
 *
 * waitReason, waitingOn, waitSince and waitTimed are written only by the G's own thread, with plain writes, just
 * before it parks and just after it wakes (Park is the only writer). Other threads (awaitBlocked, dumps, the
 * deadlock detector) read them with opaque reads and combine them with Thread.getState(): a G counts as blocked
 * when its reason is set and its thread is WAITING or TIMED_WAITING. That read is a snapshot, exact whenever the G
 * stays parked. Each wait with a reason is also counted in Quiescence (goroutines' and foreign threads' apart), the
 * deadlock detector's cheap first test; a wait without a reason (a runtime lock) is not a Go wait and is not
 * counted.
 *
 * bubble is the synctest bubble the goroutine belongs to (its parent's, or the one it was started into), or null;
 * a thread go4j did not start joins one only as a bubble's carrier (joinBubble). A wait of a bubbled G that only
 * the bubble can end is durable (see Bubble): beginWait decides it and counts it in the bubble, endWait uncounts
 * it; waitDurable records which, for endWait and dumps.
 *
 * scope is the Go.run program the goroutine belongs to (its parent's, or the one whose main it is), or null for
 * goroutines of library mode and of Go.main; dumps and counts taken inside a scope see only its goroutines.
 *
 * parentId and createdBy say where a goroutine came from, for dumps: the id of the goroutine that started it (0
 * when a thread go4j did not start did), and, only with -Dgo4j.debug.createdBy=true, the frame that called go
 * (a stack walk, several times the cost of a spawn, so off by default).
 *
 * inherited is an opaque slot handed from a parent goroutine to the goroutines it starts (dev.go4j.runtime.Inherited
 * keeps its values there; the testable-example capture scope is one). It is written by the G's own thread (setInherited) or before its thread starts, and read
 * by the same thread when it starts a child, so Thread.start publishes it to the child.
 *
 * The leak report (LeakWatch, on only with -Djdk.trackAllThreads=false or -Dgo4j.leaks=true): while a goroutine
 * waits without a deadline for a Go reason, its G must not keep its thread reachable, since the registry is a GC
 * root. Such a wait is "watched": beginWait records the primitive nowhere (waitingOn stays null, and waitingOn()
 * reads the thread's park blocker, which is the primitive) and drops `thread` (release write; thread() then goes
 * through the Node's weak reference); endWait restores it. Off, the check is one static final boolean.
 */
public final class G {
    /** Number of registry stripes; a power of two well above the number of carriers. */
    private static final int STRIPES = 64;
    /** Every live goroutine started by go4j, in STRIPES lists chosen by id. */
    private static final Stripe[] LIVE = newStripes();
    /** Foreign threads while they are parked. */
    private static final ConcurrentHashMap<Thread, G> FOREIGN = new ConcurrentHashMap<>();

    /** The G of the running thread; set at goroutine start, or lazily for foreign threads. */
    private static final ThreadLocal<G> CURRENT = new ThreadLocal<>();

    private static final VarHandle THREAD;
    private static final VarHandle WAIT_REASON;
    private static final VarHandle WAITING_ON;
    private static final VarHandle WAIT_SINCE;
    private static final VarHandle WAIT_TIMED;
    private static final VarHandle WAIT_DURABLE;

    /** Goroutine id, 1 for Go.main's goroutine; 0 for threads go4j did not start. Final. */
    final long id;
    /** Id of the goroutine that started this one; 0 if a thread go4j did not start did. Final. */
    private final long parentId;
    /** The frame that started this goroutine, with -Dgo4j.debug.createdBy=true; else null. Final. */
    private final StackTraceElement createdBy;
    /** The synctest bubble of this G, or null; final for goroutines, set once by joinBubble for a carrier. */
    private Bubble bubble;
    /** The Go.run program this goroutine belongs to, or null (library mode, Go.main, foreign threads). Final. */
    private final Scope scope;
    /**
     * The thread running this goroutine: set before Thread.start; null while a watched wait unroots it (written
     * by the owner thread with release, read with acquire, see the notes).
     */
    private Thread thread;
    /** The leak report's watch of this goroutine, or null; made by its own thread at its first watched wait. */
    LeakWatch.Node leak;
    /** Value handed down to goroutines this one starts; written before start or by the owner thread only. */
    private Object inherited;
    /** Links in this G's registry stripe; guarded by the stripe's lock. */
    private G prev;
    private G next;
    /** Why this G is parked, or null. Plain writes by the owner thread only (Park); opaque reads by others. */
    WaitReason waitReason;
    /** The primitive this G is parked on (a channel, a WaitGroup…), or null. Same access rules as waitReason. */
    Object waitingOn;
    /** System.nanoTime() when the current wait with a reason began. Same access rules as waitReason. */
    long waitSince;
    /** Whether the current wait has a deadline. Same access rules as waitReason. */
    boolean waitTimed;
    /** Whether the current wait is durable and counted in the bubble. Same access rules as waitReason. */
    boolean waitDurable;

    private G(long id, long parentId, StackTraceElement createdBy, Bubble bubble, Scope scope, Thread thread,
            Object inherited) {
        this.id = id;
        this.scope = scope;
        this.parentId = parentId;
        this.createdBy = createdBy;
        this.bubble = bubble;
        this.thread = thread;
        this.inherited = inherited;
    }

    /**
     * Creates the record of a goroutine about to start, started by the current thread. Call
     * {@link #attach(Thread)} with its unstarted thread, then {@link #enter()} first thing on that thread.
     *
     * @param createdBy the frame that called go, or null
     * @param bubble the synctest bubble it belongs to, or null
     * @param scope the Go.run program it belongs to, or null
     */
    public static G newGoroutine(long id, Object inherited, StackTraceElement createdBy, Bubble bubble,
            Scope scope) {
        G parent = CURRENT.get();
        return new G(id, parent == null ? 0 : parent.id, createdBy, bubble, scope, null, inherited);
    }

    /** The G of the running thread if it has one already, else null (records nothing). */
    public static G currentOrNull() {
        return CURRENT.get();
    }

    /** Makes the current thread, a bubble's carrier, act for {@code bubble} (what it starts joins the bubble). */
    public static void joinBubble(Bubble bubble) {
        current().bubble = bubble;
    }

    /** The synctest bubble of this G, or null. */
    public Bubble bubble() {
        return bubble;
    }

    /** The Go.run program of this G, or null. */
    public Scope scope() {
        return scope;
    }

    /** The Go.run program of the running thread's goroutine, or null (records nothing for a new thread). */
    public static Scope currentScope() {
        G g = CURRENT.get();
        return g == null ? null : g.scope;
    }

    /** Binds this goroutine to its (unstarted) thread and registers it as live. */
    public void attach(Thread unstarted) {
        this.thread = unstarted;
        Stripe stripe = stripeOf(this);
        stripe.lock.lock();
        try {
            next = stripe.head;
            if (next != null) {
                next.prev = this;
            }
            stripe.head = this;
        } finally {
            stripe.lock.unlock();
        }
    }

    /** Makes this G the current one of the running thread; the first call of a goroutine's thread. */
    public void enter() {
        CURRENT.set(this);
    }

    /** Unregisters this goroutine: the last call of a goroutine's thread. */
    public void exit() {
        if (LeakWatch.ENABLED && leak != null) {
            leak.clear(); // it exited: never reported
        }
        unregister();
    }

    /** Takes this G out of the registry (its thread's exit, or the leak report once the thread was collected). */
    void unregister() {
        Stripe stripe = stripeOf(this);
        stripe.lock.lock();
        try {
            if (prev != null) {
                prev.next = next;
            } else if (stripe.head == this) {
                stripe.head = next;
            }
            if (next != null) {
                next.prev = prev;
            }
            prev = null;
            next = null;
        } finally {
            stripe.lock.unlock();
        }
    }

    /** The G of the running thread, created (with id 0) for threads go4j did not start. */
    public static G current() {
        G g = CURRENT.get();
        if (g == null) {
            g = new G(0, 0, null, Bubble.ofCurrentCarrier(), null, Thread.currentThread(), null);
            CURRENT.set(g);
        }
        return g;
    }

    /** The G of {@code thread} if it is a live goroutine or a parked foreign thread, else null. */
    public static G of(Thread thread) {
        G foreign = FOREIGN.get(thread);
        if (foreign != null) {
            return foreign;
        }
        for (G g : all()) {
            if (g.thread() == thread) {
                return g;
            }
        }
        return null;
    }

    /** The number of live goroutines in the registry (started by go4j and not yet finished). */
    public static int registered() {
        int count = 0;
        for (Stripe stripe : LIVE) {
            stripe.lock.lock();
            try {
                for (G g = stripe.head; g != null; g = g.next) {
                    count++;
                }
            } finally {
                stripe.lock.unlock();
            }
        }
        return count;
    }

    /** A snapshot of the live goroutines and parked foreign threads. */
    public static Collection<G> all() {
        List<G> all = new ArrayList<>(FOREIGN.values());
        for (Stripe stripe : LIVE) {
            stripe.lock.lock();
            try {
                for (G g = stripe.head; g != null; g = g.next) {
                    all.add(g);
                }
            } finally {
                stripe.lock.unlock();
            }
        }
        return all;
    }

    private static Stripe stripeOf(G g) {
        return LIVE[(int) (g.id & (STRIPES - 1))];
    }

    private static Stripe[] newStripes() {
        Stripe[] stripes = new Stripe[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
        return stripes;
    }

    /** One list of the registry. */
    private static final class Stripe {
        /** Held for a few pointer writes (register, unregister) or one walk (enumeration). */
        final RuntimeLock lock = new RuntimeLock();
        /** First G of the list; guarded by lock. */
        G head;
    }

    /** The goroutine id; 0 for a thread go4j did not start. */
    public long id() {
        return id;
    }

    /**
     * The thread running this G; null only for a goroutine whose thread the collector found unreachable while it
     * was blocked (a leak the report has not taken yet).
     */
    public Thread thread() {
        Thread t = (Thread) THREAD.getAcquire(this);
        return t != null || leak == null ? t : leak.thread();
    }

    /** The id of the goroutine that started this one, or 0 if a thread go4j did not start did. */
    public long parentId() {
        return parentId;
    }

    /** The frame that called go for this goroutine, or null unless -Dgo4j.debug.createdBy=true. */
    public StackTraceElement createdBy() {
        return createdBy;
    }

    /** The value handed down by the goroutine that started this one (or set by this one), or null. */
    public Object inherited() {
        return inherited;
    }

    /**
     * Sets the value that goroutines started from now on by this G inherit. Only this G's own thread may call
     * it.
     */
    public void setInherited(Object value) {
        inherited = value;
    }

    /**
     * The inherited value of the running thread, or null; unlike {@code current().inherited()} it records nothing
     * for a thread go4j has not seen, so it is cheap to call on every write of a routing stream.
     */
    public static Object currentInherited() {
        G g = CURRENT.get();
        return g == null ? null : g.inherited;
    }

    /** Why this G is parked, as last recorded (an opaque read), or null. */
    public WaitReason waitReason() {
        return (WaitReason) WAIT_REASON.getOpaque(this);
    }

    /** What this G is parked on, as last recorded (an opaque read), or null. */
    public Object waitingOn() {
        Object on = WAITING_ON.getOpaque(this);
        if (on == null && LeakWatch.ENABLED && THREAD.getAcquire(this) == null) {
            Thread t = thread(); // a watched wait: the thread parked with the primitive as its blocker
            on = t == null ? null : LockSupport.getBlocker(t);
        }
        return on;
    }

    /**
     * True if this G, as last recorded, waits on {@code primitive} (identity): it is the recorded primitive, or
     * the recorded primitive is a {@link Blocker} (a select) that waits on it.
     */
    public boolean waitsOn(Object primitive) {
        Object on = waitingOn();
        return on == primitive || (on instanceof Blocker blocker && blocker.waitsOn(primitive));
    }

    /** How long the wait recorded now has lasted, in nanoseconds of real time; meaningful while a reason is set. */
    public long waitedNanos() {
        return Math.max(0, System.nanoTime() - (long) WAIT_SINCE.getOpaque(this));
    }

    /** Whether the wait recorded now has a deadline (an opaque read). */
    public boolean waitTimed() {
        return (boolean) WAIT_TIMED.getOpaque(this);
    }

    /**
     * True if this G has recorded a wait reason and its thread is parked (or was collected while it was, so that
     * it waits forever).
     */
    public boolean isBlocked() {
        if (waitReason() == null) {
            return false;
        }
        Thread t = thread();
        Thread.State state = t == null ? Thread.State.WAITING : t.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    void beginWait(WaitReason reason, Object primitive, boolean timed, Waiter waiter) {
        if (reason != null) {
            waitSince = System.nanoTime();
            if (Quiescence.COUNTING) {
                Quiescence.waitBegan(id);
            }
            if (bubble != null && id != 0 && isDurable(reason, waiter)) {
                waitDurable = true;
                bubble.durablyBlocked();
            }
        }
        boolean watched = LeakWatch.ENABLED && id != 0 && reason != null && !timed;
        waitTimed = timed;
        waitingOn = watched ? null : primitive;
        waitReason = reason;
        if (id == 0) {
            FOREIGN.put(thread, this);
        } else if (watched) {
            LeakWatch.watch(this, primitive);
            THREAD.setRelease(this, null);
        }
    }

    void endWait() {
        if (LeakWatch.ENABLED && thread == null) {
            THREAD.setRelease(this, Thread.currentThread());
        }
        if (Quiescence.COUNTING && waitReason != null) {
            Quiescence.waitEnded(id);
        }
        if (waitDurable) {
            waitDurable = false;
            bubble.durablyWoken();
        }
        waitReason = null;
        waitingOn = null;
        if (id == 0) {
            FOREIGN.remove(thread, this);
        }
    }

    /** Go's rule for a durable wait in this G's bubble: by its reason, or as its waiter says. */
    private boolean isDurable(WaitReason reason, Waiter waiter) {
        return switch (reason) {
            case SLEEP, CHAN_RECEIVE_NIL_CHAN, CHAN_SEND_NIL_CHAN, SELECT_NO_CASES, SYNC_COND_WAIT -> true;
            default -> waiter.durableIn(bubble);
        };
    }

    /** Whether the wait recorded now is durable in this G's bubble (an opaque read). */
    public boolean waitDurable() {
        return (boolean) WAIT_DURABLE.getOpaque(this);
    }

    @Override
    public String toString() {
        WaitReason reason = waitReason();
        String name = id == 0 ? "thread " + thread.getName() : "goroutine " + id;
        return reason == null ? name : name + " [" + reason + "]";
    }

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            THREAD = lookup.findVarHandle(G.class, "thread", Thread.class);
            WAIT_REASON = lookup.findVarHandle(G.class, "waitReason", WaitReason.class);
            WAITING_ON = lookup.findVarHandle(G.class, "waitingOn", Object.class);
            WAIT_SINCE = lookup.findVarHandle(G.class, "waitSince", long.class);
            WAIT_TIMED = lookup.findVarHandle(G.class, "waitTimed", boolean.class);
            WAIT_DURABLE = lookup.findVarHandle(G.class, "waitDurable", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
