package dev.go4j.internal.park;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/*
 * Implementation notes.
 *
 * The counters behind the deadlock report's cheap first test, kept on the park path only (G.beginWait and
 * G.endWait, for waits with a reason), so the channel fast path pays nothing: a goroutine that never parks is
 * running, and blocks the report by itself.
 *
 *     goroutine waits begun - goroutine waits ended = goroutines parked with a reason now (a sum of two adders,
 *                                                     not atomic: a hint the detector confirms goroutine by
 *                                                     goroutine)
 *     begun + ended + foreign threads' waits         = the epoch: unchanged over an interval only if no wait with
 *                                                     a reason began or ended in it
 *
 * External wakers count what can wake a goroutine parked on a go4j primitive from outside the program's
 * goroutines: a CompletionStage that a Chan.fromStage channel still waits for, a call running under
 * Context.interruptOnDone, a signal channel of Signal.notify. While any is registered the detector never reports.
 * LongAdders rather than atomics: parks on different carriers then touch different cells. -Dgo4j.deadlock=off
 * turns the wait counters off (COUNTING, a static final the JIT folds), which is what the benchmarks' "diagnostics
 * off" rows measure against.
 */

/** Counters of parked goroutines and of wake-up sources outside the program; see the implementation notes. */
public final class Quiescence {
    /** Whether waits are counted: unless -Dgo4j.deadlock=off, whose report is then never made. */
    static final boolean COUNTING = !"off".equalsIgnoreCase(System.getProperty("go4j.deadlock", "").trim());
    private static final LongAdder GOROUTINE_WAITS_BEGUN = new LongAdder();
    private static final LongAdder GOROUTINE_WAITS_ENDED = new LongAdder();
    private static final LongAdder FOREIGN_WAITS = new LongAdder();
    private static final AtomicInteger EXTERNAL_WAKERS = new AtomicInteger();

    private Quiescence() {
    }

    static void waitBegan(long goroutineId) {
        (goroutineId != 0 ? GOROUTINE_WAITS_BEGUN : FOREIGN_WAITS).increment();
    }

    static void waitEnded(long goroutineId) {
        (goroutineId != 0 ? GOROUTINE_WAITS_ENDED : FOREIGN_WAITS).increment();
    }

    /** Goroutines parked with a wait reason now, approximately (see the notes). */
    public static long parkedGoroutines() {
        long ended = GOROUTINE_WAITS_ENDED.sum();
        return GOROUTINE_WAITS_BEGUN.sum() - ended;
    }

    /** A number that changes whenever any thread begins or ends a wait with a reason. */
    public static long epoch() {
        return GOROUTINE_WAITS_BEGUN.sum() + GOROUTINE_WAITS_ENDED.sum() + FOREIGN_WAITS.sum();
    }

    /** Registers a source outside the goroutines that may still wake one; undo with {@link #removeExternalWaker}. */
    public static void addExternalWaker() {
        EXTERNAL_WAKERS.incrementAndGet();
    }

    /** Unregisters a source registered with {@link #addExternalWaker}. */
    public static void removeExternalWaker() {
        EXTERNAL_WAKERS.decrementAndGet();
    }

    /** How many external wake-up sources are registered now. */
    public static int externalWakers() {
        return EXTERNAL_WAKERS.get();
    }
}
