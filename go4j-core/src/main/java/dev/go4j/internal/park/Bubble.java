package dev.go4j.internal.park;

import dev.go4j.internal.sched.BubbleCarrier;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
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
