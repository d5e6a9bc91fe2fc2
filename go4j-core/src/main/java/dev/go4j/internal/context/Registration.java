package dev.go4j.internal.context;

import dev.go4j.Empty;
import dev.go4j.ReceiveChan;
import dev.go4j.internal.chan.Channel;
import dev.go4j.internal.chan.ReceiveOnlyChannel;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A callback waiting for a context to be done (afterFunc, interruptOnDone). It runs at most once; stop() and the
 * cancellation race on one CAS, so stop() returns true exactly when it prevented the run.
 */
final class Registration implements Child {
    private static final int PENDING = 0;
    private static final int RAN = 1;
    private static final int STOPPED = 2;

    private final Runnable action;
    private final AtomicInteger state = new AtomicInteger(PENDING);
    /** Closed by stop(), to end a foreign parent's watcher goroutine. */
    private final ReceiveOnlyChannel<Empty> stopped = Channel.receiveOnly(0);
    /** The node this registration is in, set by CancelNode.adopt under its lock before stop() is reachable. */
    volatile CancelNode ancestor;

    Registration(Runnable action) {
        this.action = action;
    }

    @Override
    public void parentCancelled(CancellationException err, Throwable cause) {
        if (state.compareAndSet(PENDING, RAN)) {
            action.run();
        }
    }

    @Override
    public void collect(CancellationException err, Throwable cause, CancelWalk walk) {
        if (state.compareAndSet(PENDING, RAN)) {
            walk.callback(action);
        }
    }

    @Override
    public ReceiveChan<Empty> end() {
        return stopped;
    }

    /** Prevents the action; true if it had not run (and now never will). */
    boolean stop() {
        if (!state.compareAndSet(PENDING, STOPPED)) {
            return false;
        }
        CancelNode node = ancestor;
        if (node != null) {
            node.remove(this);
        }
        stopped.close();
        return true;
    }
}
