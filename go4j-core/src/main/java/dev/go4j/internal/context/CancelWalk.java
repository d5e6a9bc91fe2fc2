package dev.go4j.internal.context;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * One cancellation spreading through a subtree: the children still to visit (an explicit work list instead of
 * recursion) and the callbacks to run once every node is marked. All nodes of the subtree get the same error and
 * cause, as in Go.
 */
final class CancelWalk {
    private final CancellationException err;
    private final Throwable cause;
    private final ArrayDeque<Child> pending = new ArrayDeque<>();
    private final List<Runnable> callbacks = new ArrayList<>();

    CancelWalk(CancellationException err, Throwable cause) {
        this.err = err;
        this.cause = cause;
    }

    void visit(Child child) {
        pending.add(child);
    }

    void callback(Runnable action) {
        callbacks.add(action);
    }

    /** Visits every pending child (which may add more), then runs the callbacks; call with no lock held. */
    void finish() {
        Child child;
        while ((child = pending.poll()) != null) {
            child.collect(err, cause, this);
        }
        for (Runnable action : callbacks) {
            action.run();
        }
    }
}
