package dev.go4j.internal.runtime;

import dev.go4j.Interrupted;
import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.park.RuntimeLock;
import dev.go4j.internal.park.Waiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/*
 * Implementation notes.
 *
 * An ExecutorService that starts one goroutine per task (the JDK's newVirtualThreadPerTaskExecutor, with go4j's
 * goroutines, so tasks show in dumps, counts and deadlock reports and follow the panic policy when they throw from
 * execute). Nothing is ever queued, so shutdownNow() has no pending tasks to return: it interrupts the running
 * ones.
 *
 * State, guarded by lock:
 *   - shutdown:     set once by shutdown()/shutdownNow(); execute() rejects from then on;
 *   - interrupting: set once by shutdownNow(); a task registering after it interrupts itself;
 *   - active:       tasks accepted and not finished; counted in execute() before the goroutine starts, so
 *                   "terminated" (shutdown && active == 0) is never true while an accepted task may still run;
 *   - running:      the threads of the tasks that have begun, for shutdownNow's interrupts;
 *   - waiters:      awaitTermination's waiters, signalled once terminated.
 * The lock is held for a few field and set operations only; waiters are signalled and threads interrupted after
 * it is released (never ready a goroutine while holding it).
 *
 * awaitTermination parks through Waiter.await with the reason sync.WaitGroup.Wait (what a Go program waiting for
 * a group of goroutines shows), interruptibly; go4j's Interrupted becomes the InterruptedException of the
 * ExecutorService contract. A waiter that times out or is interrupted removes itself (withdrawn()).
 *
 * Checked by GoroutineExecutorServiceTest (every accepted task runs exactly once or is interrupted, under
 * concurrent submitters and shutdownNow).
 */

/** An {@link java.util.concurrent.ExecutorService} of one goroutine per task; see the implementation notes. */
public final class GoroutineExecutorService extends AbstractExecutorService {
    /** Guards every field below; never held while signalling, interrupting or starting a goroutine. */
    private final RuntimeLock lock = new RuntimeLock();
    /** Whether shutdown() or shutdownNow() was called; guarded by lock. */
    private boolean shutdown;
    /** Whether shutdownNow() was called; guarded by lock. */
    private boolean interrupting;
    /** Tasks accepted and not finished; guarded by lock. */
    private int active;
    /** The threads of the tasks that have begun and not finished; guarded by lock. */
    private final Set<Thread> running = new HashSet<>();
    /** The waiters of awaitTermination; guarded by lock. */
    private final List<Waiter> waiters = new ArrayList<>();

    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("executor has been shut down");
            }
            active++;
        } finally {
            lock.unlock();
        }
        try {
            Goroutine.start(() -> run(command));
        } catch (RuntimeException | Error e) {
            finished(null);
            throw e;
        }
    }

    private void run(Runnable command) {
        Thread self = Thread.currentThread();
        boolean interrupt;
        lock.lock();
        try {
            running.add(self);
            interrupt = interrupting;
        } finally {
            lock.unlock();
        }
        if (interrupt) {
            self.interrupt();
        }
        try {
            command.run();
        } finally {
            finished(self);
        }
    }

    /** Uncounts a task (its thread, if it began) and signals the waiters once terminated. */
    private void finished(Thread thread) {
        List<Waiter> wake = List.of();
        lock.lock();
        try {
            if (thread != null) {
                running.remove(thread);
            }
            active--;
            if (shutdown && active == 0) {
                wake = takeWaiters();
            }
        } finally {
            lock.unlock();
        }
        wake.forEach(Waiter::signal);
    }

    /** The waiters to signal, leaving none; the caller holds lock. */
    private List<Waiter> takeWaiters() {
        List<Waiter> wake = List.copyOf(waiters);
        waiters.clear();
        return wake;
    }

    @Override
    public void shutdown() {
        shutdown(false);
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown(true);
        return List.of(); // nothing is ever queued
    }

    private void shutdown(boolean now) {
        List<Waiter> wake = List.of();
        List<Thread> interrupt = List.of();
        lock.lock();
        try {
            shutdown = true;
            if (now) {
                interrupting = true;
                interrupt = List.copyOf(running);
            }
            if (active == 0) {
                wake = takeWaiters();
            }
        } finally {
            lock.unlock();
        }
        interrupt.forEach(Thread::interrupt);
        wake.forEach(Waiter::signal);
    }

    @Override
    public boolean isShutdown() {
        lock.lock();
        try {
            return shutdown;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isTerminated() {
        lock.lock();
        try {
            return shutdown && active == 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        Deadline deadline = Deadline.after(Duration.ofNanos(unit.toNanos(timeout)));
        Waiter waiter = new Waiter() {
            @Override
            protected void withdrawn() {
                lock.lock();
                try {
                    waiters.remove(this);
                } finally {
                    lock.unlock();
                }
            }
        };
        lock.lock();
        try {
            if (shutdown && active == 0) {
                return true;
            }
            waiters.add(waiter);
        } finally {
            lock.unlock();
        }
        try {
            return waiter.await(WaitReason.SYNC_WAITGROUP_WAIT, this, deadline, true) != null;
        } catch (Interrupted e) {
            Thread.interrupted(); // InterruptedException's contract: the status is cleared
            throw new InterruptedException("interrupted");
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Go.newExecutorService()[" + (shutdown ? active == 0 ? "terminated" : "shutting down" : "running")
                    + ", " + active + " active]";
        } finally {
            lock.unlock();
        }
    }
}
