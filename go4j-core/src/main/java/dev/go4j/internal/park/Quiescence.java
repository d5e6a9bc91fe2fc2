package dev.go4j.internal.park;

import dev.go4j.internal.sched.Scheduler;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/*
 * Implementation notes.
 *
 * The counters behind the deadlock report's cheap first test, kept on the park path only (G.beginWait and
 * G.endWait, for waits with a reason), so the channel fast path pays nothing: a goroutine that never parks is
 * running, and blocks the report by itself.
 *
 *     goroutine waits begun - goroutine waits ended = goroutines parked with a reason now (sums of counters,
 *                                                     not atomic: a hint the detector confirms goroutine by
 *                                                     goroutine)
 *     begun + ended + foreign threads' waits         = the epoch: unchanged over an interval only if no wait with
 *                                                     a reason began or ended in it
 *
 * External wakers count what can wake a goroutine parked on a go4j primitive from outside the program's
 * goroutines: a CompletionStage that a Chan.fromStage channel still waits for, a call running under
 * Context.interruptOnDone, a signal channel of Signal.notify. While any is registered the detector never reports.
 *
 * Where the wait counts live: a goroutine on one of go4j's carriers counts on that carrier (Carrier.countWait:
 * fields only that carrier's thread writes, so a park touches no shared cache line; Scheduler.carrierWaits sums
 * them, with the counts of carriers that left, under a seqlock); a goroutine on the JDK's scheduler or a bubble's
 * carrier counts in LongAdders, and foreign threads always do. A begin counted on one carrier and its end on
 * another still sum right. An epoch read while a carrier left is unique (a fresh negative number), so it never
 * equals another reading and the detector just looks again. -Dgo4j.deadlock=off turns the wait counters off
 * (COUNTING, a static final the JIT folds), which is what the benchmarks' "diagnostics off" rows measure against.
 */

/** Counters of parked goroutines and of wake-up sources outside the program; see the implementation notes. */
public final class Quiescence {
    /** Whether waits are counted: unless -Dgo4j.deadlock=off, whose report is then never made. */
    static final boolean COUNTING = !"off".equalsIgnoreCase(System.getProperty("go4j.deadlock", "").trim());
    private static final LongAdder GOROUTINE_WAITS_BEGUN = new LongAdder();
    private static final LongAdder GOROUTINE_WAITS_ENDED = new LongAdder();
    private static final LongAdder FOREIGN_WAITS = new LongAdder();
    private static final AtomicInteger EXTERNAL_WAKERS = new AtomicInteger();
    /** Negative numbers, one per epoch reading taken while a carrier left: each unequal to any other reading. */
    private static final AtomicLong UNSTABLE_EPOCHS = new AtomicLong();

    private Quiescence() {
    }

    static void waitBegan(long goroutineId) {
        if (goroutineId == 0) {
            FOREIGN_WAITS.increment();
        } else if (!Scheduler.countWaitOnCarrier(true)) {
            GOROUTINE_WAITS_BEGUN.increment();
        }
    }

    static void waitEnded(long goroutineId) {
        if (goroutineId == 0) {
            FOREIGN_WAITS.increment();
        } else if (!Scheduler.countWaitOnCarrier(false)) {
            GOROUTINE_WAITS_ENDED.increment();
        }
    }

    /** Goroutines parked with a wait reason now, approximately (see the notes). */
    public static long parkedGoroutines() {
        Scheduler.CarrierWaits onCarriers = carrierWaits();
        long ended = GOROUTINE_WAITS_ENDED.sum() + (onCarriers != null ? onCarriers.ended() : 0);
        return GOROUTINE_WAITS_BEGUN.sum() + (onCarriers != null ? onCarriers.begun() : 0) - ended;
    }

    /**
     * A number that changes whenever any thread begins or ends a wait with a reason; a reading taken while a
     * carrier left (its counts moving) is a number no other reading gives.
     */
    public static long epoch() {
        Scheduler.CarrierWaits onCarriers = carrierWaits();
        if (onCarriers == null && Scheduler.installed() != null) {
            return UNSTABLE_EPOCHS.decrementAndGet();
        }
        long carried = onCarriers != null ? onCarriers.begun() + onCarriers.ended() : 0;
        return GOROUTINE_WAITS_BEGUN.sum() + GOROUTINE_WAITS_ENDED.sum() + FOREIGN_WAITS.sum() + carried;
    }

    /** The counts of go4j's carriers, or null if go4j's scheduler is not installed or a carrier was leaving. */
    private static Scheduler.CarrierWaits carrierWaits() {
        Scheduler s = Scheduler.installed();
        return s != null ? s.carrierWaits() : null;
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
