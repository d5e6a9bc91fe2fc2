package dev.go4j.internal.sched;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/*
 * Implementation notes.
 *
 * The scheduler's monitor thread, after Go's sysmon. It samples every busy carrier on an adaptive period (20 µs
 * after it acted, doubling up to 10 ms while nothing needs it), and parks for good while every carrier is idle
 * (wakeIdle wakes it), so an idle program costs no CPU. It must not sample faster than it needs to: on a small
 * machine its own wake-ups take the cores that the carriers run on.
 *
 * Per busy carrier it does two things:
 *   time slice  if the carrier's slice (Carrier.sliceStart, moved whenever it takes a task other than from
 *               runnext) has not moved for SLICE_NANOS, it sets sliceExpired: the carrier then stops handing off by
 *               runnext and serves the global queue first (see Scheduler's notes on fairness).
 *   hand-off    if the carrier runs the same task (Carrier.runs unchanged) while tasks wait in some queue, it
 *               reads the carrier's CPU time twice, at least BLOCKED_MIN_NANOS apart (ThreadMXBean): a carrier that
 *               used less than half of that time is blocked (native code, file I/O, class initialisation, a
 *               pinned park) and is replaced at once; one that computed for more than SLICE_NANOS is replaced
 *               too, which Go would not
 *               need (it preempts). Replacement: Scheduler.replace starts a stand-in carrier; when the stuck one
 *               comes back, one stand-in retires.
 *
 * With -Dgo4j.schedtrace=N (milliseconds) it prints a line every N ms to standard error, like Go's
 * GODEBUG=schedtrace.
 */

/** The scheduler's monitor (Go's sysmon); see the implementation notes. */
final class Monitor extends Thread {
    static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MIN_DELAY_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final long MAX_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * How long a carrier must run one task at less than half speed to count as blocked: a carrier the OS
     * deschedules for a while (more runnable threads than cores) looks blocked too, so one tick is not enough.
     */
    private static final long BLOCKED_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Scheduler sched;
    private final long traceNanos;
    /** True while parked until some carrier gets work; written by the monitor, read by wakers. */
    private volatile boolean asleep;
    private ThreadMXBean cpuTimes;
    private final long start;
    private long nextTrace;

    Monitor(Scheduler sched, long traceMillis) {
        super(null, null, "go4j-monitor", 0, false);
        this.sched = sched;
        this.traceNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, traceMillis));
        this.start = sched.clock.nanoTime();
        this.nextTrace = start + traceNanos;
        setDaemon(true);
    }

    /** Called after an idle carrier was woken: the monitor is needed again. */
    void wakeIfAsleep() {
        if (asleep) {
            LockSupport.unpark(this);
        }
    }

    private boolean allIdle() {
        return sched.idle.get() == sched.carriers.length && !sched.workWaiting();
    }

    @Override
    public void run() {
        long delay = MIN_DELAY_NANOS;
        while (true) {
            if (traceNanos == 0 && allIdle()) {
                asleep = true;
                if (allIdle()) {
                    LockSupport.park(this);
                }
                asleep = false;
                delay = MIN_DELAY_NANOS;
                continue;
            }
            sched.clock.parkUntil(this, sched.clock.nanoTime() + delay);
            long now = sched.clock.nanoTime();
            boolean acted = sample(now);
            if (traceNanos > 0 && now - nextTrace >= 0) {
                nextTrace = now + traceNanos;
                System.err.println(traceLine(now));
            }
            delay = acted ? MIN_DELAY_NANOS : Math.min(2 * delay, MAX_DELAY_NANOS);
        }
    }

    /** One look at every carrier; true if it changed anything (or is about to decide). */
    private boolean sample(long now) {
        boolean acted = false;
        boolean workWaiting = sched.workWaiting();
        for (Carrier c : sched.carriers) {
            if (c.state != Carrier.RUNNING || c.current() == null) {
                c.seenRuns = -1;
                c.seenSlice = -1;
                continue;
            }
            long slice = c.sliceStart;
            if (slice != c.seenSlice) {
                c.seenSlice = slice;
                c.seenSliceAt = now;
            } else if (!c.sliceExpired && now - c.seenSliceAt >= SLICE_NANOS) {
                c.sliceExpired = true;
                sched.stats.slicesExpired.increment();
                acted = true;
            }
            long runs = c.runs();
            if (runs != c.seenRuns) {
                c.seenRuns = runs;
                c.seenRunsAt = now;
                c.seenCpu = -1;
                continue;
            }
            if (c.stuck || !workWaiting) {
                continue;
            }
            long cpu = cpuTime(c);
            if (c.seenCpu >= 0 && cpu >= 0 && now - c.seenCpuAt >= BLOCKED_MIN_NANOS) {
                boolean blocked = 2 * (cpu - c.seenCpu) < now - c.seenCpuAt;
                if (blocked || now - c.seenRunsAt >= SLICE_NANOS) {
                    sched.replace(c);
                    acted = true;
                    continue;
                }
            }
            if (c.seenCpu < 0) {
                c.seenCpu = cpu;
                c.seenCpuAt = now;
            }
        }
        return acted;
    }

    private long cpuTime(Carrier c) {
        if (cpuTimes == null) {
            cpuTimes = ManagementFactory.getThreadMXBean();
        }
        return cpuTimes.getThreadCpuTime(c.threadId());
    }

    private String traceLine(long now) {
        Carrier[] carriers = sched.carriers;
        StringJoiner queues = new StringJoiner(" ", "[", "]");
        for (Carrier c : carriers) {
            queues.add(Integer.toString(c.queued()));
        }
        SchedStats s = sched.stats;
        return "SCHED " + TimeUnit.NANOSECONDS.toMillis(now - start) + "ms: gomaxprocs=" + sched.gomaxprocsValue()
                + " idleprocs=" + sched.idle.get() + " carriers=" + carriers.length
                + " spinningcarriers=" + sched.spinning.get() + " runqueue=" + sched.globalQueued() + " " + queues
                + " steals=" + s.steals.sum() + " parks=" + s.parks.sum() + " wakes=" + s.wakes.sum()
                + " slices=" + s.slicesExpired.sum() + " handoffs=" + s.handoffs.sum();
    }
}
