package dev.go4j.internal.sched;

import java.util.concurrent.Executor;

/**
 * The executor of one goroutine's virtual thread: forwards to the scheduler, and tells the goroutine's own task
 * from those of virtual threads the goroutine starts by other means ({@code Thread.ofVirtual()}, an executor of
 * virtual threads, a structured task scope), which inherit their creator's executor (the JDK's rule) and so run on
 * go4j's carriers too.
 */
final class GoroutineExecutor implements Executor {
    private final Scheduler scheduler;
    /** The goroutine's own task: the first one submitted (by Thread.start, before the goroutine can start any). */
    private volatile Runnable own;

    GoroutineExecutor(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void execute(Runnable task) {
        Runnable goroutine = own;
        if (goroutine == null) {
            own = task;
        } else if (goroutine != task) {
            scheduler.stats.foreignSubmissions.increment();
            scheduler.foreignTask(task);
        }
        scheduler.execute(task);
    }
}
