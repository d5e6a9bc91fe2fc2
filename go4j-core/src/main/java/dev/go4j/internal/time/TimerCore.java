package dev.go4j.internal.time;

import dev.go4j.internal.chan.Channel;
import dev.go4j.internal.chan.ChannelTimer;
import dev.go4j.internal.chan.ReceiveOnlyChannel;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.park.RuntimeLock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;

/*
 * Implementation notes.
 *
 * One Go runtime timer (runtime/time.go, Go 1.23): a channel timer (Timer, Ticker, After, Tick) or a func timer
 * (AfterFunc, a context's deadline). There is no thread or goroutine per timer.
 *
 * Channel timers. The channel owns the timer (Channel.timer, Go's hchan.timer) and the timer owns the channel;
 * nothing else refers to them, so a timer nobody references is garbage, with no weak reference or Cleaner. Such
 * a timer is in its heap only while a goroutine is blocked on its channel (`blocked` > 0, counted by the channel
 * around every park: Go's blockTimerChan/unblockTimerChan); otherwise the channel's own operations deliver it:
 * every receive, tryReceive and select poll first calls maybeRun, which fires the timer if it is due. The value
 * sent is the instant the timer was due (Go back-dates lazy sends), so a late delivery still says when it was
 * due. A ticker that nobody receives from fires once when next looked at and computes its next due time from
 * now, dropping the ticks it missed; its channel holds at most one tick.
 *
 * State, guarded by `lock` (a RuntimeLock):
 *     armed      a setting is pending (Go: when > 0; go4j's clock readings may be any long, hence a flag)
 *     when       due time of the pending setting, on the heap's clock
 *     period     ticker period, 0 for a one-shot timer
 *     blocked    goroutines parked on the channel
 *     zombie     heaped, but no longer needing the heap (see TimerHeap); counted in heap.zombies
 *     heapIndex, heapWhen   see TimerHeap (changed only with the heap's lock held too)
 *
 *     needsHeap = armed && (func timer || blocked > 0)
 *
 * Transitions:
 *     maybeRun (channel op)   not heaped, armed, due -> fire (send under the lock); it first looks without the
 *                             lock (armed and when are volatile, heapIndex read opaquely), which is all that a
 *                             timer not armed, heaped or not due needs
 *     blocked                 blocked++; un-zombie if heaped; else add to the heap if needsHeap
 *     unblocked               blocked--; heaped and no longer needed -> zombie
 *     stop                    due and not heaped -> fire first; then armed = false, drain the channel; heaped ->
 *                             zombie. Returns whether a value (or the func) was prevented: the timer was armed,
 *                             or its fired value was still unreceived in the channel.
 *     reset                   as stop, then armed with the new when; heaped -> re-sift; needsHeap -> add
 *     runFromHeap (runner)    the heap took a due timer out: fire; a ticker still needing the heap goes back
 *
 * Stale values: a channel timer sends while holding its own lock, and stop and reset drain the channel while
 * holding it too, so once stop() or reset() returns no value of the earlier setting is ever received (Go needs
 * t.sendLock and a sequence number for this because its runtime may not hold t.mu across a channel send; go4j's
 * lock order allows it: timer, then channel, and no channel operation takes a timer lock while holding its
 * channel's). A func timer's function runs after the lock is released (it may take other locks: a context's
 * cancel takes the context's, which stop is called under), so a stop racing its run returns false, as Go's.
 *
 * Differences from Go 1.23: one heap per clock instead of one per P (a timer belongs to the heap of the clock of
 * the goroutine that made it); no asynctimerchan mode; the heap is run by a clock thread, not by the Ps inside
 * schedule().
 */

/** A Go runtime timer; see the implementation notes. */
public final class TimerCore implements ChannelTimer {
    private static final VarHandle HEAP_INDEX;
    /** The heap this timer belongs to. Final. */
    final TimerHeap heap;
    /** Guards the state below; see the notes. */
    final RuntimeLock lock = new RuntimeLock();
    /** The channel of a channel timer, or null. Final. */
    private final ReceiveOnlyChannel<Instant> channel;
    /** The function of a func timer, run on the heap's runner thread (must be short), or null. Final. */
    private final Runnable func;
    /** See the notes. Written under lock; volatile for maybeRun's first look. */
    private volatile boolean armed;
    volatile long when;
    private long period;
    private int blocked;
    boolean zombie;
    /** Position in the heap, or -1; guarded by the heap's lock and this lock (see TimerHeap). */
    int heapIndex = -1;
    /** The key this timer is sifted by in the heap; guarded by the heap's lock. */
    long heapWhen;
    /**
     * Wall time and clock time read together when the timer first fires (wallBase null before), to turn due times
     * into instants. Guarded by lock.
     */
    private Instant wallBase;
    private long clockBase;

    private TimerCore(TimerHeap heap, Runnable func, boolean withChannel) {
        this.heap = heap;
        this.func = func;
        this.channel = withChannel ? Channel.timerChannel(this) : null;
    }

    /** A one-shot channel timer due after {@code delayNanos} (fires at once if not positive). */
    public static TimerCore channelTimer(long delayNanos) {
        return start(new TimerCore(TimerHeap.current(), null, true), delayNanos, 0);
    }

    /** A ticker with a positive period. */
    public static TimerCore ticker(long periodNanos) {
        return start(new TimerCore(TimerHeap.current(), null, true), periodNanos, periodNanos);
    }

    /**
     * A func timer that runs {@code action} on the heap's runner thread once {@code delayNanos} have passed (as
     * soon as the runner gets to it if not positive). The action must be short and must not block: it starts a
     * goroutine, or cancels a context.
     */
    public static TimerCore funcTimer(long delayNanos, Runnable action) {
        return funcTimer(TimerHeap.current(), delayNanos, action);
    }

    /** A func timer in {@code heap}. */
    static TimerCore funcTimer(TimerHeap heap, long delayNanos, Runnable action) {
        return start(new TimerCore(heap, action, false), delayNanos, 0);
    }

    private static TimerCore start(TimerCore timer, long delayNanos, long periodNanos) {
        timer.reset(delayNanos, periodNanos);
        return timer;
    }

    /** The channel of a channel timer; null for a func timer. */
    public ReceiveOnlyChannel<Instant> channel() {
        return channel;
    }

    /** Under lock: whether the heap must hold this timer. */
    boolean needsHeap() {
        return armed && (func != null || blocked > 0);
    }

    /**
     * Stops the timer, Go's {@code Timer.Stop}.
     *
     * @return true if this call prevented a value (or the func) from being delivered: the timer was armed, or
     *     its value sat unreceived in the channel
     */
    public boolean stop() {
        heap.checkBubble();
        lock.lock();
        try {
            return disarm(heap.clock.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-arms the timer for {@code delayNanos} from now, with {@code periodNanos} (0 for one-shot); a delay that is
     * not positive fires at once.
     *
     * @return what {@link #stop()} would have returned
     */
    public boolean reset(long delayNanos, long periodNanos) {
        heap.checkBubble();
        boolean wasActive;
        boolean fireNow;
        boolean heaped;
        lock.lock();
        try {
            long now = heap.clock.nanoTime();
            wasActive = disarm(now);
            period = periodNanos;
            when = now + Math.max(0, delayNanos);
            armed = true;
            fireNow = delayNanos <= 0 && channel != null;
            if (fireNow) {
                fire(now); // a channel timer reset to fire at once delivers before reset returns
            }
            heaped = heapIndex >= 0;
            if (heaped && zombie && needsHeap()) {
                unzombie();
            }
        } finally {
            lock.unlock();
        }
        if (heaped) {
            heap.update(this);
        } else if (!fireNow) {
            heap.add(this); // checks needsHeap under both locks: a func timer, or a channel someone waits on
        }
        return wasActive;
    }

    /** Under lock: cancels the pending setting and drains the channel (see the notes). */
    private boolean disarm(long now) {
        if (channel != null && armed && heapIndex < 0 && when - now <= 0) {
            fire(now); // due but not yet looked at: deliver, so that the drain below reports it
        }
        boolean wasArmed = armed;
        armed = false;
        if (heapIndex >= 0) {
            markZombie();
        }
        boolean discarded = channel != null && channel.drain() > 0;
        return wasArmed || discarded;
    }

    @Override
    public void maybeRun() {
        // A first look without the lock (every poll of the channel comes here, as in Go's maybeRunChan): a timer
        // that is not armed, or is in the heap (the heap sends when it is due), or is not due has nothing to run
        // here, as of these reads; the clock is read only for an armed timer out of the heap.
        if (!armed || (int) HEAP_INDEX.getOpaque(this) >= 0 || when - heap.clock.nanoTime() > 0) {
            return;
        }
        lock.lock();
        try {
            if (armed && heapIndex < 0) {
                long now = heap.clock.nanoTime();
                if (when - now <= 0) {
                    fire(now);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void blocked() {
        boolean add;
        lock.lock();
        try {
            blocked++;
            if (heapIndex >= 0) {
                if (zombie) {
                    unzombie();
                }
                add = false;
            } else {
                add = needsHeap();
            }
        } finally {
            lock.unlock();
        }
        if (add) {
            heap.add(this);
        }
    }

    @Override
    public void unblocked() {
        lock.lock();
        try {
            blocked--;
            if (heapIndex >= 0 && !needsHeap()) {
                markZombie();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by the heap's runner, which took this due timer out of the heap and holds its lock: fires it and
     * releases the lock; a ticker that still needs the heap goes back in.
     */
    void runFromHeap(long now) {
        Runnable toRun;
        boolean again;
        try {
            if (!armed || when - now > 0) {
                toRun = null; // stopped or reset since the heap looked
            } else {
                toRun = fire(now);
            }
            again = needsHeap();
        } finally {
            lock.unlock();
        }
        if (toRun != null) {
            runAction(toRun);
        }
        if (again) {
            heap.add(this);
        }
    }

    /**
     * Under lock: delivers the current setting, due at {@code when}: a channel timer sends now; a func timer's
     * function is returned for the caller to run once the lock is released.
     */
    private Runnable fire(long now) {
        long due = when;
        if (period > 0) {
            long next = due + period;
            if (next - now <= 0) {
                next += ((now - next) / period + 1) * period; // late: skip the ticks that were missed
            }
            when = next;
        } else {
            armed = false;
        }
        if (func != null) {
            return func;
        }
        if (wallBase == null) {
            Clock clock = heap.clock;
            wallBase = clock.now();
            clockBase = clock.nanoTime();
        }
        channel.trySend(wallBase.plusNanos(due - clockBase)); // a ticker whose slot is full drops the tick
        return null;
    }

    /** Under lock (and heaped): no longer needed by the heap; its owner drops it later. */
    private void markZombie() {
        if (!zombie) {
            zombie = true;
            heap.zombies.incrementAndGet();
        }
    }

    private void unzombie() {
        zombie = false;
        heap.zombies.decrementAndGet();
    }

    /** Runs a func timer's function; a failure is reported and the runner goes on, as a scheduler must. */
    private static void runAction(Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            Thread self = Thread.currentThread();
            self.getUncaughtExceptionHandler().uncaughtException(self, t);
        }
    }

    @Override
    public String toString() {
        return (func != null ? "func timer" : "channel timer") + (armed ? " armed" : " stopped")
                + (period > 0 ? ", period " + period + " ns" : "");
    }

    static {
        try {
            HEAP_INDEX = MethodHandles.lookup().findVarHandle(TimerCore.class, "heapIndex", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
