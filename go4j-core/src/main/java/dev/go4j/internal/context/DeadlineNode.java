package dev.go4j.internal.context;

import dev.go4j.context.Context;
import dev.go4j.internal.clock.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A cancellable context with a deadline (Go's timerCtx): one entry in the clock's scheduler, held strongly until
 * it fires or the context is cancelled, which removes it at once.
 */
final class DeadlineNode extends CancelNode {
    private final Instant deadline;
    /** What cause() reports once the deadline passes; null means the error itself. */
    private final Throwable deadlineCause;
    /** The pending scheduler entry; written by arm, read by cancelled(). */
    private volatile Clock.Cancellable timer;

    DeadlineNode(Context parent, Instant deadline, Throwable deadlineCause) {
        super(parent);
        this.deadline = deadline;
        this.deadlineCause = deadlineCause;
    }

    /** Schedules the deadline, or cancels at once if it has passed. Called once, after registration. */
    void arm(long deadlineNanos) {
        Clock clock = Clock.current();
        if (deadlineNanos - clock.nanoTime() <= 0) {
            cancel(true, Context.DEADLINE_EXCEEDED, deadlineCause);
            return;
        }
        timer = clock.schedule(deadlineNanos, () -> cancel(true, Context.DEADLINE_EXCEEDED, deadlineCause));
        if (err() != null) {
            cancelled(); // cancelled while arming: make sure the entry does not linger
        }
    }

    @Override
    void cancelled() {
        Clock.Cancellable pending = timer;
        if (pending != null) {
            pending.cancel();
        }
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.of(deadline);
    }

    @Override
    public String toString() {
        return parent + ".WithDeadline(" + deadline + ")";
    }
}
