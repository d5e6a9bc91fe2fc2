package dev.go4j.internal.synctest;

import dev.go4j.Panic;
import dev.go4j.Task;
import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.clock.ClockScope;
import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.park.G;
import dev.go4j.internal.park.Park;
import dev.go4j.internal.park.Waiter;
import dev.go4j.internal.runtime.Goroutine;
import dev.go4j.internal.runtime.Program;
import dev.go4j.internal.runtime.Traceback;
import dev.go4j.internal.sched.BubbleCarrier;
import dev.go4j.internal.sched.JdkAccess;
import dev.go4j.internal.time.TimerHeap;
import java.time.Duration;

/*
 * Implementation notes.
 *
 * One run of Go 1.25's synctest.Test: a bubble (Bubble: membership and durable count, BubbleClock: fake time),
 * its carrier (BubbleCarrier: one thread, FIFO), its timer heap (a TimerHeap with no thread of its own), and the
 * decisions its carrier asks for whenever nothing is queued (idle()), in this order:
 *
 *   a goroutine of the bubble failed, or the body did        -> fail the bubble with it
 *   no goroutine left                                        -> finished (the body must have returned)
 *   a virtual thread that go4j did not start lives           -> wait (it is never durably blocked)
 *   some goroutine blocked, but not durably                  -> wait for a wake-up from outside (or the watchdog)
 *   all others durably blocked and one waits in await()      -> wake it (before time moves, as Go's Wait)
 *   all durably blocked, the body has returned               -> deadlock: main bubble goroutine has exited but
 *                                                               blocked goroutines remain (time has stopped)
 *   all durably blocked, a timer or timed wait is pending    -> advance the clock straight to it, fire what is due
 *   all durably blocked, nothing pending                     -> deadlock: all goroutines in bubble are blocked
 *
 * Everything idle() reads (the counts, the awaiter, bodyDone) is written on the carrier thread by the bubble's
 * goroutines or by idle() itself, so plain fields do. The caller of test() waits outside the bubble (wait reason
 * synctest.Run), on real time, and is the watchdog: a bubble whose carrier runs no task for WATCHDOG of real time
 * (a goroutine computing forever, a pinned carrier, an outside wake-up that never comes) fails with the bubble's
 * dump and the carrier's stack. A failing bubble interrupts its goroutines so that they can unwind, waits up to
 * GRACE for them, then closes; goroutines that ignore the interrupt are left parked.
 *
 * Timers fire on the carrier thread itself, which is bound to the bubble's clock and counts as acting for the
 * bubble (G.joinBubble), so what a timer starts (an afterFunc's goroutine) joins the bubble. Nothing else runs
 * then, and no bubble goroutine holds a runtime lock while durably blocked, so the carrier never waits for one.
 */

/** One run of a synctest bubble; see the implementation notes. */
public final class BubbleRun {
    /** How long a bubble may run no task before the watchdog fails it (real time). */
    static final Duration WATCHDOG = Duration.ofSeconds(Long.getLong("go4j.synctest.watchdogSeconds", 30));
    /** How long a failed bubble's goroutines get to unwind after their interrupt (real time). */
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(100);

    private final BubbleCarrier carrier;
    private final Bubble bubble;
    private final TimerHeap timers;
    /** The goroutine waiting in await(), or null. Carrier thread only. */
    private Waiter awaiter;
    /** Set by the root goroutine when the body has returned or thrown. Carrier thread only. */
    private boolean bodyDone;
    /** What the body threw, or null. Written by the root goroutine before bodyDone. */
    private Throwable bodyFailure;
    /** True once the bubble fails: its goroutines have been interrupted. Carrier thread only. */
    private boolean failing;
    /** The failure the run ends with, or null for success. Written before finished (volatile). */
    private Throwable outcome;
    /** Set once the run is over: every goroutine finished, or the bubble failed and unwound. */
    private volatile boolean finished;
    /** When the failing bubble started to unwind, on the real clock; carrier thread only. */
    private long failedAt;
    /** The caller's Waiter while it waits, signalled when the run is over. */
    private volatile Waiter caller;

    private BubbleRun(Exploration exploration) {
        this.carrier = new BubbleCarrier("go4j-synctest-carrier", this::bindCarrier, this::idle);
        this.bubble = Bubble.open(carrier);
        this.timers = TimerHeap.openBubble(bubble.clock());
        if (exploration != null) {
            exploration.attach(bubble, carrier);
        }
        ClockScope.opened();
    }

    /**
     * Runs {@code body} in a new bubble and waits until the bubble is over: Go's {@code synctest.Test}.
     *
     * @throws Panic if called from inside a bubble
     * @throws IllegalStateException if this JVM does not give go4j the access a bubble's carrier needs
     * @throws AssertionError for a deadlock or a stuck bubble (with the bubble's dump), or what a goroutine of the
     *     bubble threw; what the body threw is rethrown as it is (checked exceptions unchanged, via sneaky throw)
     */
    public static void test(Task body) {
        Throwable failure = run(body, null);
        if (failure != null) {
            throw BubbleRun.<RuntimeException>sneaky(failure);
        }
    }

    /**
     * Runs {@code body} in a new bubble, under {@code exploration}'s schedule if it is not null, and returns how
     * the bubble failed, or null.
     */
    static Throwable run(Task body, Exploration exploration) {
        if (Bubble.current() != null) {
            throw new Panic("synctest.Test called from within a synctest bubble");
        }
        if (!JdkAccess.available()) {
            throw new IllegalStateException("a synctest bubble needs its own carrier thread: "
                    + JdkAccess.unavailableReason());
        }
        BubbleRun run = new BubbleRun(exploration);
        try {
            run.start(body);
            run.awaitEnd();
        } finally {
            run.close();
        }
        return run.outcome;
    }

    /** Rethrows {@code t}, checked or not, without wrapping it. */
    static RuntimeException rethrow(Throwable t) {
        throw BubbleRun.<RuntimeException>sneaky(t);
    }

    /** Go's {@code synctest.Wait}: returns once every other goroutine of the caller's bubble is durably blocked. */
    public static void await() {
        Bubble bubble = Bubble.current();
        G g = G.currentOrNull();
        if (bubble == null || g == null || g.id() == 0) {
            throw new Panic("synctest.Wait not called from within a synctest bubble");
        }
        BubbleRun run = RUNS.get(bubble);
        if (run.awaiter != null) {
            throw Program.fatal("synctest.Wait called from multiple goroutines");
        }
        Waiter waiter = new Waiter() {
            @Override
            protected void withdrawn() {
                if (run.awaiter == this) {
                    run.awaiter = null;
                }
            }
        };
        run.awaiter = waiter;
        waiter.await(WaitReason.SYNCTEST_WAIT, bubble, Deadline.NEVER, true);
    }

    /** Go 1.27's {@code synctest.Sleep}: sleeps {@code d} on the bubble's clock, then {@link #await()}. */
    public static void sleep(Duration d) {
        if (Bubble.current() == null) {
            throw new Panic("synctest.Sleep not called from within a synctest bubble");
        }
        Park.sleep(Deadline.after(d));
        await();
    }

    /** The runs of open bubbles. */
    private static final java.util.concurrent.ConcurrentHashMap<Bubble, BubbleRun> RUNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private void start(Task body) {
        RUNS.put(bubble, this);
        Goroutine.startInBubble(bubble, () -> {
            try {
                body.run();
            } catch (Throwable t) {
                bodyFailure = t;
            } finally {
                bodyDone = true;
            }
        });
        carrier.start();
    }

    /** First thing on the carrier: it reads the bubble's clock and acts for the bubble when it fires timers. */
    private void bindCarrier() {
        ClockScope.bind(bubble.clock());
        G.joinBubble(bubble);
    }

    /** The carrier's decision when nothing is queued; see the notes. */
    private boolean idle() {
        if (finished) {
            return false;
        }
        if (!failing) {
            Throwable failure = bodyDone && bodyFailure != null ? bodyFailure : bubble.failure();
            if (failure != null) {
                fail(failure);
                return true;
            }
        }
        int live = bubble.goroutines();
        if (live == 0) {
            finish(failing ? outcome : null);
            return false;
        }
        if (failing) {
            if (Clock.system().nanoTime() - failedAt > GRACE.toNanos()) {
                finish(outcome);
            }
            return false;
        }
        if (foreignThreadAlive()) {
            return false;
        }
        boolean awaiting = awaiter != null;
        if (bubble.durablyBlockedGoroutines() < live - (awaiting ? 1 : 0)) {
            return false;
        }
        if (awaiting) {
            Waiter w = awaiter;
            awaiter = null;
            w.signal();
            return true;
        }
        if (bodyDone) {
            fail(deadlock("deadlock: main bubble goroutine has exited but blocked goroutines remain"));
            return true;
        }
        long next = Math.min(timers.nextWhen(), bubble.clock().nextDeadline());
        if (next == Long.MAX_VALUE) {
            fail(deadlock("deadlock: all goroutines in bubble are blocked"));
            return true;
        }
        bubble.clock().advanceTo(next);
        timers.fireDue();
        return true;
    }

    private boolean foreignThreadAlive() {
        for (Thread thread : carrier.threads()) {
            if (thread != carrier && !bubble.isMember(thread)) {
                return true;
            }
        }
        return false;
    }

    private AssertionError deadlock(String message) {
        StringBuilder text = new StringBuilder(message).append("\n\n");
        Traceback.dumpBubble(text, bubble);
        return new AssertionError(text.toString());
    }

    /** Fails the bubble with {@code failure}: interrupts its goroutines and lets them unwind. Carrier only. */
    private void fail(Throwable failure) {
        failing = true;
        outcome = failure;
        failedAt = Clock.system().nanoTime();
        for (G g : G.all()) {
            if (g.bubble() == bubble && g.id() != 0) {
                g.thread().interrupt();
            }
        }
    }

    private void finish(Throwable result) {
        outcome = result;
        finished = true;
        Waiter w = caller;
        if (w != null) {
            w.signal();
        }
    }

    /** The caller's wait, on real time, which also is the watchdog. */
    private void awaitEnd() {
        long lastProgress = carrier.progress();
        long lastProgressAt = Clock.system().nanoTime();
        while (!finished) {
            Waiter w = new Waiter();
            caller = w;
            if (finished) {
                break;
            }
            w.await(WaitReason.SYNCTEST_RUN, bubble, Deadline.at(Clock.system().nanoTime() + POLL.toNanos()),
                    false);
            long now = Clock.system().nanoTime();
            long progress = carrier.progress();
            if (progress != lastProgress) {
                lastProgress = progress;
                lastProgressAt = now;
            } else if (now - lastProgressAt > WATCHDOG.toNanos() + GRACE.toNanos()) {
                outcome = stuck();
                return;
            }
        }
    }

    /** The watchdog's failure: the bubble's dump and the carrier's stack (a pinned or computing goroutine). */
    private AssertionError stuck() {
        StringBuilder text = new StringBuilder("synctest: bubble ").append(bubble.id())
                .append(" made no progress for ").append(WATCHDOG.toSeconds())
                .append(" s of real time (a goroutine computing, a pinned carrier, or a wake-up from outside that"
                        + " never came)\n\n");
        Traceback.dumpBubble(text, bubble);
        text.append("\ncarrier ").append(carrier.getName()).append(" [").append(carrier.getState()).append("]:\n");
        for (StackTraceElement frame : carrier.getStackTrace()) {
            text.append("\tat ").append(frame).append('\n');
        }
        return new AssertionError(text.toString());
    }

    private void close() {
        RUNS.remove(bubble);
        carrier.stopCarrier();
        timers.closeBubble();
        bubble.close();
        ClockScope.closed();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
