package dev.go4j.internal.park;

import dev.go4j.PanicPolicy;
import dev.go4j.internal.clock.Deadline;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/*
 * Implementation notes.
 *
 * A program scope: the goroutines of one Go.run call, with their own ids (main is 1, then 2, 3…), their own live
 * count, panic policy and exit status. A goroutine belongs to the scope of the goroutine that started it (G.scope,
 * final); goroutines started by threads go4j did not start belong to no scope (library mode, and Go.main's
 * process-wide program, whose ids come from Goroutine's global counter).
 *
 * States, each entered once:
 *
 *     RUNNING --claimReport, end(status)--> ENDED --awaitStatus returns--> RETIRED
 *
 *   RUNNING  the status is not decided; a panic, fatal error, deadlock, Go.exit or main's return decides it.
 *   ENDED    the first claimReport won (a CAS on claimed) and that caller printed its report, if any, then called
 *            end(status); the launcher is signalled, interrupts the scope's goroutines and waits up to the grace
 *            period for the live count to reach zero. Only one report is ever printed per program.
 *   RETIRED  the launcher has returned the status; goroutines still alive are leftovers: their failures go to the
 *            uncaught-exception handler, Go.exit does nothing for them.
 *
 * Hand-offs. The launcher waits on endWaiter (no wait reason: it is not a goroutine wait, and dumps and the
 * deadlock detector's counters ignore it). The drain: the launcher publishes drainWaiter (volatile) and then reads
 * live; an exiting goroutine decrements live and then reads drainWaiter. Whichever comes second sees the other,
 * so the launcher never sleeps through the last exit.
 */

/** The goroutines of one {@code Go.run} program; see the implementation notes. */
public final class Scope {
    private static final AtomicLong NEXT_SCOPE = new AtomicLong(1);

    /** The scope's number, for the global view of dumps (program 2). Final. */
    private final long number = NEXT_SCOPE.getAndIncrement();
    /** The thread that called Go.run and waits for the status. Final. */
    private final Thread launcher;
    /** The next goroutine id; 1 is main's. */
    private final AtomicLong nextId = new AtomicLong(1);
    /** Goroutines of this scope that have started and not finished. */
    private final AtomicInteger live = new AtomicInteger();
    /** Whether the exit status is decided: set once, by CAS, by the winner of claimReport. */
    private final AtomicBoolean claimed = new AtomicBoolean();
    /** The exit status; written by the claim's winner before it signals endWaiter, read by the launcher after. */
    private int status;
    /** Signalled by the end(status) that wins; created before main starts. Final. */
    private final Waiter endWaiter;
    /** The launcher's wait for the last goroutine, published during the drain; volatile. */
    private volatile Waiter drainWaiter;
    /** The panic policy chosen inside the scope, or null for the default (EXIT); volatile. */
    private volatile PanicPolicy explicitPolicy;
    /** The failure whose report decided the status, or null; written by the claim's winner. */
    private volatile Throwable reported;

    /** Creates a scope whose launcher is the current thread. */
    public Scope() {
        this.launcher = Thread.currentThread();
        this.endWaiter = new Waiter();
    }

    /** The thread that called Go.run. */
    public Thread launcher() {
        return launcher;
    }

    /** The scope's number (1 for the first scope of the JVM). */
    public long number() {
        return number;
    }

    /** Takes the next goroutine id of this scope (1 for the first, main). */
    public long nextId() {
        return nextId.getAndIncrement();
    }

    /** Ids handed out so far; grows with every goroutine started in the scope. */
    public long started() {
        return nextId.get();
    }

    /** Counts a goroutine of this scope as live; call before its thread starts. */
    public void goroutineStarting() {
        live.incrementAndGet();
    }

    /** Uncounts a goroutine of this scope: after its task has returned, or when its thread failed to start. */
    public void goroutineExited() {
        if (live.decrementAndGet() == 0) {
            Waiter drain = drainWaiter;
            if (drain != null) {
                drain.signal();
            }
        }
    }

    /** The number of live goroutines of this scope. */
    public int liveCount() {
        return live.get();
    }

    /**
     * Claims the right to decide the exit status, once: the winner prints its report, if any, and then calls
     * {@link #end(int)}; every other caller learns the program has ended already.
     *
     * @param failure the failure whose report decides the status, or null
     * @return true if this call won
     */
    public boolean claimReport(Throwable failure) {
        if (claimed.get() || !claimed.compareAndSet(false, true)) {
            return false;
        }
        reported = failure;
        return true;
    }

    /** Sets the exit status and wakes the launcher; only the winner of {@link #claimReport} calls it, once. */
    public void end(int exitStatus) {
        status = exitStatus;
        endWaiter.signal();
    }

    /** Whether the status is claimed (the program has ended, though goroutines may still unwind). */
    public boolean ended() {
        return claimed.get();
    }

    /** True if {@code failure} is the one whose report decided the status. */
    public boolean isReported(Throwable failure) {
        return failure != null && failure == reported;
    }

    /** The policy chosen inside the scope, or null. */
    public PanicPolicy explicitPolicy() {
        return explicitPolicy;
    }

    /** Chooses the scope's policy; null restores the default. */
    public void setExplicitPolicy(PanicPolicy policy) {
        explicitPolicy = policy;
    }

    /**
     * The launcher's wait: until the status is decided (ignoring interrupts, whose status it restores), then
     * interrupts every goroutine of the scope still alive, waits up to {@code grace} for them to finish, retires
     * the scope and returns the status.
     */
    public int awaitStatus(Duration grace) {
        endWaiter.await(null, this, Deadline.NEVER, false);
        for (G g : G.all()) {
            if (g.scope() == this && g.id() != 0) {
                g.thread().interrupt();
            }
        }
        Waiter drain = new Waiter();
        drainWaiter = drain;
        if (live.get() != 0) {
            drain.await(null, this, Deadline.after(grace), false);
        }
        return status;
    }

    @Override
    public String toString() {
        return "program " + number;
    }
}
