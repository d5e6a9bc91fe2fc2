package dev.go4j.internal.context;

import dev.go4j.context.Context;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.time.TimerCore;
import java.time.Instant;
import java.util.Optional;

/**
 * A cancellable context with a deadline (Go's timerCtx): a func timer in the timer heap, held strongly until it
 * fires or the context is cancelled, which stops it.
 */
final class DeadlineNode extends CancelNode {
    private final Instant deadline;
    /** What cause() reports once the deadline passes; null means the error itself. */
    private final Throwable deadlineCause;
    /** The deadline's timer; written by arm, read by cancelled(). */
    private volatile TimerCore timer;

    DeadlineNode(Context parent, Instant deadline, Throwable deadlineCause) {
        super(parent);
        this.deadline = deadline;
        this.deadlineCause = deadlineCause;
    }

    /** Schedules the deadline, or cancels at once if it has passed. Called once, after registration. */
    void arm(long deadlineNanos) {
        long delay = deadlineNanos - Clock.current().nanoTime();
        if (delay <= 0) {
            cancel(true, Context.DEADLINE_EXCEEDED, deadlineCause);
            return;
        }
        timer = TimerCore.funcTimer(delay, () -> cancel(true, Context.DEADLINE_EXCEEDED, deadlineCause));
        if (err() != null) {
            cancelled(); // cancelled while arming: make sure the timer does not linger
        }
    }

    @Override
    void cancelled() {
        TimerCore pending = timer;
        if (pending != null) {
            pending.stop();
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
