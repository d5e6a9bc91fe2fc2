package dev.go4j.internal.park;

import dev.go4j.internal.sched.BubbleCarrier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/*
 * Implementation notes.
 *
 * A synctest bubble (Go 1.25's testing/synctest): a body and every goroutine it starts, transitively, running on
 * one carrier thread of their own (the executor) with a fake clock. This class is the bubble's membership and its
 * durable-blocking count; the carrier's decisions (wake Synctest.await, advance time, call a deadlock) are made
 * above, in dev.go4j.internal.synctest.
 *
 * Durably blocked (Go's rule): a bubble goroutine waiting in go4j for something only the bubble can end - a send,
 * receive or select on channels created in the bubble, Cond.await, WaitGroup.await for a group first used in the
 * bubble, a sleep, the nil channel, select with no cases. A Mutex, RWMutex or semaphore wait is not durable (as in
 * Go: a lock may be held outside the bubble), nor is anything outside go4j (I/O, a JDK lock). G.beginWait decides
 * (by reason, or by asking the Waiter: Waiter.durableIn) and counts it here.
 *
 * Exploring bubbles (Explore): every go4j operation a bubble goroutine performs is first a scheduling point
 * (point): the goroutine records what it is about to do and yields, so the carrier's chooser picks which runnable
 * goroutine goes next. Goroutines and primitives get bubble-local numbers in the order the bubble first meets them
 * (g1 is the body), so a schedule's decisions read the same in every run of the same schedule; random choices of
 * go4j in the bubble (select's poll order) come from the bubble's seeded generator (random()).
 *
 * Threads: goroutines, durable, members and awaiter are read and written only on the bubble's carrier thread (a
 * bubble goroutine runs there, and the carrier reads them between tasks), so they are plain fields. A goroutine is
 * counted from the first instruction it runs to its last; until it runs, its start is queued on the carrier, which
 * therefore is not idle, so the count is never read short.
 */

/** A synctest bubble's membership and durable-blocking count; see the implementation notes. */
public final class Bubble {
    private static final AtomicLong IDS = new AtomicLong();
    /** Bubbles open now: while zero, nobody is bubbled and current() answers null at once. */
    private static final AtomicInteger OPEN = new AtomicInteger();

    /** Go's bubble number, for dumps ({@code synctest bubble 1}). Final. */
    private final long id = IDS.incrementAndGet();
    /** The bubble's fake clock. Final. */
    private final BubbleClock clock = new BubbleClock();
    /** The bubble's carrier, the executor of its virtual threads. Final after open(). */
    private BubbleCarrier carrier;
    /** The first failure of a bubble goroutine other than the body's, or null; set once (CAS). */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Live goroutines of the bubble. Carrier thread only. */
    private int goroutines;
    /** Of them, those durably blocked now. Carrier thread only. */
    private int durable;
    /** The threads of the live goroutines. Carrier thread only. */
    private final Set<Thread> members = new HashSet<>();
    /** Bubble-local numbers of the goroutines, in start order (the body is 1). Carrier thread only. */
    private final Map<Thread, Integer> goroutineNumbers = new HashMap<>();
    /** While exploring: what each goroutine does at its pending scheduling point; else null. Carrier only. */
    private Map<Thread, String> nextOps;
    /** While exploring: bubble-local numbers of the primitives met at scheduling points. Carrier only. */
    private Map<Object, Integer> primitiveNumbers;
    /** While exploring: the seeded generator of go4j's random choices in the bubble; else null. */
    private RandomGenerator random;

    /** Opens a bubble whose virtual threads {@code carrier} runs; call {@link #close()} when it is over. */
    public static Bubble open(BubbleCarrier carrier) {
        Bubble bubble = new Bubble();
        bubble.carrier = carrier;
        carrier.setOwner(bubble);
        OPEN.incrementAndGet();
        return bubble;
    }

    /** Ends this bubble's membership in the open count. */
    public void close() {
        OPEN.decrementAndGet();
    }

    /** The bubble of the current thread, or null; one volatile read when no bubble is open. */
    public static Bubble current() {
        if (OPEN.get() == 0) {
            return null;
        }
        G g = G.currentOrNull();
        return g != null ? g.bubble() : ofCurrentCarrier();
    }

    /**
     * The bubble whose carrier runs the current thread, for a thread go4j did not start (a virtual thread that
     * non-go4j code started inside a bubble belongs to it, but is never durably blocked); null elsewhere.
     */
    static Bubble ofCurrentCarrier() {
        return OPEN.get() == 0 ? null : (Bubble) BubbleCarrier.ownerOfCurrentCarrier();
    }

    /** Go's bubble number. */
    public long id() {
        return id;
    }

    /** The bubble's fake clock. */
    public BubbleClock clock() {
        return clock;
    }

    /** The bubble's carrier, the executor of its virtual threads. */
    public BubbleCarrier carrier() {
        return carrier;
    }

    /** Records {@code e}, escaped from a bubble goroutine, if it is the first; the bubble then fails with it. */
    public void goroutineFailed(Throwable e) {
        failure.compareAndSet(null, e);
    }

    /** The first failure of a bubble goroutine, or null. */
    public Throwable failure() {
        return failure.get();
    }

    /** Counts the current goroutine in; its first call, on the carrier. */
    public void goroutineStarted(Thread thread) {
        goroutines++;
        members.add(thread);
    }

    /**
     * Numbers a goroutine of the bubble about to start (its thread not started yet), in start order: by its parent
     * on the carrier, or for the body before the carrier starts, which publishes it.
     */
    public void goroutineCreated(Thread thread) {
        goroutineNumbers.put(thread, goroutineNumbers.size() + 1);
    }

    /** Makes this bubble explore schedules, with {@code random} for go4j's random choices; before it starts. */
    public void explore(RandomGenerator random) {
        this.random = random;
        this.nextOps = new HashMap<>();
        this.primitiveNumbers = new IdentityHashMap<>();
    }

    /** The seeded generator of an exploring bubble, or null. */
    public RandomGenerator random() {
        return random;
    }

    /** The generator for go4j's random choices on the current thread: its exploring bubble's, else null. */
    public static RandomGenerator currentRandom() {
        Bubble bubble = current();
        return bubble == null ? null : bubble.random;
    }

    /**
     * A scheduling point of an exploring bubble: if the current thread is one of its goroutines, records
     * {@code op} on {@code primitive} (null if none) as what it does next and yields to the carrier, which
     * chooses who runs next. Does nothing elsewhere (one volatile read when no bubble is open).
     */
    public static void point(String op, Object primitive) {
        if (OPEN.get() == 0) {
            return;
        }
        G g = G.currentOrNull();
        Bubble bubble = g == null || g.id() == 0 ? null : g.bubble();
        if (bubble == null || bubble.nextOps == null) {
            return;
        }
        String what = op;
        if (primitive != null) {
            Integer number = bubble.primitiveNumbers.get(primitive);
            if (number == null) {
                number = bubble.primitiveNumbers.size() + 1;
                bubble.primitiveNumbers.put(primitive, number);
            }
            what = op + " #" + number;
        }
        bubble.nextOps.put(g.thread(), what);
        Thread.yield();
    }

    /**
     * How a decision to run {@code thread} reads in a schedule's trace ({@code g2 chan send #1}, or
     * {@code g2 runs} for a goroutine woken or just started); removes its pending point. Carrier only.
     */
    public String decision(Thread thread) {
        Integer number = goroutineNumbers.get(thread);
        String who = number == null ? "virtual thread" : "g" + number;
        String op = nextOps == null ? null : nextOps.remove(thread);
        return who + " " + (op == null ? "runs" : op);
    }

    /** Counts the current goroutine out; its last call, on the carrier. */
    public void goroutineExited(Thread thread) {
        goroutines--;
        members.remove(thread);
    }

    void durablyBlocked() {
        durable++;
    }

    void durablyWoken() {
        durable--;
    }

    /** Live goroutines; carrier thread only. */
    public int goroutines() {
        return goroutines;
    }

    /** Durably blocked goroutines; carrier thread only. */
    public int durablyBlockedGoroutines() {
        return durable;
    }

    /** Whether {@code thread} is a live goroutine of this bubble; carrier thread only. */
    public boolean isMember(Thread thread) {
        return members.contains(thread);
    }

    @Override
    public String toString() {
        return "synctest bubble " + id;
    }
}
