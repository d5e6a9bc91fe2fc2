package dev.go4j.internal.time;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.RuntimeError;
import dev.go4j.Task;
import dev.go4j.internal.chan.Channel;
import dev.go4j.internal.chan.Chans;
import dev.go4j.internal.clock.Clock;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Implementation notes.
 *
 * One Go timer: a Timer, a Ticker, time.After/Tick, or an AfterFunc. There is no thread or goroutine per timer:
 * each armed timer is one entry in the clock's scheduler, and firing is a short action on the clock thread.
 *
 * Channel timers (Go 1.23 semantics). The channel has one hidden buffer slot (len and cap report 0). Firing
 * offers the due instant with a non-blocking send: straight to a waiting receiver, else into the slot; a ticker
 * whose slot is still full drops the tick, so at most one tick is pending. stop() and reset() clear the slot under
 * the timer lock, and every firing action carries the generation it was scheduled for and does nothing if the
 * generation has moved on. Together: once stop() or reset() returns, no value of the earlier setting is ever
 * received, and a fired value that nobody has received yet counts as "not fired" (stop() returns true).
 *
 * Lock order: the timer lock, then the channel's lock (inside trySend / clearBuffer). Receivers take only the
 * channel's lock, so nothing waits in the other order.
 *
 * Reachability. For channel timers the scheduler entry holds only a WeakReference to the public channel, and
 * this state is reachable only from that channel (its attachment) and from the user's Timer or Ticker object. So
 * an after(1h) channel that nobody references is garbage even while its entry is pending; a goroutine blocked on
 * the channel references it from its stack (and goroutines are reachable from go4j's registry), so it stays
 * alive and wakes. When the channel is collected, a Cleaner action cancels the entry, which leaves the scheduler
 * at once. Only an armed channel timer is registered with the Cleaner (see EntryBox). Func timers (AfterFunc)
 * are held strongly by their entry until they fire or are stopped, as are context deadlines.
 *
 * The value delivered is the instant the timer was due (as Go's sendTime): the wall clock read once, when the timer
 * first fires, plus the monotonic distance to the due time, so values of one timer are consistent with each other
 * even if the wall clock jumps.
 */
public final class TimerState {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Clock clock;
    /** Guards everything mutable below. */
    private final ReentrantLock lock = new ReentrantLock();
    /** The public channel's core; null for a func timer. Final. */
    private final Channel<Instant> channel;
    /** The public channel, weakly, for the scheduler entries; null for a func timer. Final. */
    private final WeakReference<Chan<Instant>> publicChannel;
    /** The body of a func timer; null for a channel timer. Final. */
    private final Task func;
    /** Ticker period in nanoseconds; 0 for a one-shot timer. Guarded by lock. */
    private long period;
    /** Due time of the current setting, on the clock. Guarded by lock. */
    private long due;
    /** True while a setting is scheduled and has not fired. Guarded by lock. */
    private boolean armed;
    /** Bumped by stop and reset; a firing action of an older generation does nothing. Guarded by lock. */
    private long generation;
    /** The pending scheduler entry, shared with the Cleaner action. */
    private final EntryBox entry = new EntryBox();
    /**
     * Wall time and clock time read together when the timer first fires (wallBase null before), to turn due times
     * into instants. Guarded by lock.
     */
    private Instant wallBase;
    private long clockBase;

    private TimerState(Clock clock, Task func) {
        this.clock = clock;
        this.func = func;
        if (func == null) {
            Chan<Instant> chan = Chans.access().newTimerChan(this);
            this.channel = Chans.access().core(chan);
            this.publicChannel = new WeakReference<>(chan);
        } else {
            this.channel = null;
            this.publicChannel = null;
        }
    }

    /** A one-shot channel timer due after {@code delayNanos} (fires at once if not positive). */
    public static TimerState channelTimer(long delayNanos) {
        var timer = new TimerState(Clock.current(), null);
        timer.reset(delayNanos, 0);
        return timer;
    }

    /** A ticker with a positive period. */
    public static TimerState ticker(long periodNanos) {
        var timer = new TimerState(Clock.current(), null);
        timer.reset(periodNanos, periodNanos);
        return timer;
    }

    /** A func timer that starts {@code task} in its own goroutine after {@code delayNanos}. */
    public static TimerState funcTimer(long delayNanos, Task task) {
        var timer = new TimerState(Clock.current(), task);
        timer.reset(delayNanos, 0);
        return timer;
    }

    /** The public channel (null for a func timer); strongly reachable while this state is. */
    @SuppressWarnings("unchecked")
    public Chan<Instant> channel() {
        return channel == null ? null : (Chan<Instant>) channel.owner();
    }

    /**
     * Stops the timer.
     *
     * @return true if this call prevented a value (or the func) from being delivered: the timer was armed, or
     *     its value sat unreceived in the channel
     */
    public boolean stop() {
        lock.lock();
        try {
            return disarm();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-arms the timer for {@code delayNanos} from now, with {@code periodNanos} (0 for one-shot).
     *
     * @return what {@link #stop()} would have returned
     */
    public boolean reset(long delayNanos, long periodNanos) {
        lock.lock();
        try {
            boolean wasActive = disarm();
            period = periodNanos;
            due = clock.nanoTime() + Math.max(0, delayNanos);
            armed = true;
            if (delayNanos <= 0) {
                fire(generation);
            } else {
                schedule();
            }
            return wasActive;
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: cancels the pending entry and clears the channel. */
    private boolean disarm() {
        boolean wasArmed = armed;
        armed = false;
        generation++;
        entry.cancel();
        boolean discarded = channel != null && channel.clearBuffer() > 0;
        return wasArmed || discarded;
    }

    /** Under the lock: schedules the current setting. */
    private void schedule() {
        entry.pending = clock.schedule(due, firing(generation));
        if (channel != null && entry.cleanable == null) {
            entry.cleanable = CLEANER.register(channel.owner(), entry);
        }
    }

    private Runnable firing(long forGeneration) {
        if (func != null) {
            return () -> fireFromScheduler(this, forGeneration);
        }
        WeakReference<Chan<Instant>> weak = publicChannel;
        return () -> {
            Chan<Instant> chan = weak.get();
            if (chan != null) {
                fireFromScheduler((TimerState) Chans.access().core(chan).attachment(), forGeneration);
            }
        };
    }

    private static void fireFromScheduler(TimerState timer, long forGeneration) {
        timer.lock.lock();
        try {
            timer.fire(forGeneration);
        } finally {
            timer.lock.unlock();
        }
    }

    /** Under the lock: delivers the current setting if it is still {@code forGeneration}. */
    private void fire(long forGeneration) {
        if (forGeneration != generation || !armed) {
            return;
        }
        if (wallBase == null) {
            wallBase = clock.now();
            clockBase = clock.nanoTime();
        }
        Instant value = wallBase.plusNanos(due - clockBase);
        if (period > 0) {
            long next = due + period;
            long now = clock.nanoTime();
            if (next - now <= 0) {
                next += ((now - next) / period + 1) * period; // late: skip the ticks that were missed
            }
            due = next;
            schedule();
        } else {
            armed = false;
            entry.cancel(); // nothing pending any more: drop the Cleaner registration now
        }
        if (func != null) {
            Go.go(func);
            return;
        }
        try {
            channel.send(value, false);
        } catch (RuntimeError closedByUser) {
            // Someone cast the receive-only channel back and closed it; a timer has nobody to report that to.
            armed = false;
        }
    }

    /**
     * The pending scheduler entry; also the Cleaner action that cancels it when the channel is collected. A channel
     * timer is registered with the Cleaner only while armed: a registration the Cleaner still holds costs the GC
     * reference processing, and most timers are stopped long before their channel dies (go4j-bench SelectTimeout).
     */
    private static final class EntryBox implements Runnable {
        /** Written under the timer lock; read by the Cleaner thread. */
        volatile Clock.Cancellable pending;
        /** The Cleaner registration while armed, else null; guarded by the timer lock. */
        Cleaner.Cleanable cleanable;

        /** Under the timer lock: cancels the pending entry and ends the Cleaner registration. */
        void cancel() {
            Cleaner.Cleanable registered = cleanable;
            if (registered != null) {
                cleanable = null;
                registered.clean(); // runs run() once, here, and unregisters
            } else {
                run();
            }
        }

        /** Cancels the pending entry: from cancel(), or from the Cleaner thread once the channel is collected. */
        @Override
        public void run() {
            Clock.Cancellable current = pending;
            if (current != null) {
                current.cancel();
                pending = null;
            }
        }
    }
}
