package dev.go4j.internal.context;

import dev.go4j.Empty;
import dev.go4j.ReceiveChan;
import dev.go4j.context.CancelContext;
import dev.go4j.WaitReason;
import dev.go4j.context.Context;
import dev.go4j.internal.chan.Channel;
import dev.go4j.internal.chan.ReceiveOnlyChannel;
import dev.go4j.internal.sync.MutexCore;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * A cancellable context (Go's cancelCtx). Its done channel is closed, and err set, exactly once, under
 * {@link #lock}; children registered before that are cancelled with it, later ones cancel themselves at once.
 */
class CancelNode implements CancelContext, Child {
    /** The parent context. Final. */
    final Context parent;
    /** Guards err, cause, children and ancestor updates (go4j's sync.Mutex core, as Go's cancelCtx.mu). */
    private final MutexCore lock = new MutexCore(WaitReason.SYNC_MUTEX_LOCK, this);
    /** Closed on cancellation. Final. */
    private final ReceiveOnlyChannel<Empty> done = Channel.receiveOnly(0);
    /** Null until cancelled; written once under lock, read without it. */
    private volatile CancellationException err;
    /** The cancellation cause; written once under lock with err. */
    private Throwable cause;
    /** Registered children; null when none or after cancellation. Guarded by lock. */
    private Set<Child> children;
    /** The node this one registered with, for removal when cancelled; written before publication by adopt. */
    private volatile CancelNode ancestor;

    CancelNode(Context parent) {
        this.parent = parent;
    }

    @Override
    public ReceiveChan<Empty> done() {
        return done;
    }

    @Override
    public CancellationException err() {
        return err;
    }

    @Override
    public Optional<Instant> deadline() {
        return parent.deadline();
    }

    @Override
    public <T> T value(Context.Key<T> key) {
        return Contexts.lookup(this, key);
    }

    @Override
    public void cancel() {
        cancel(true, Context.CANCELED, null);
    }

    @Override
    public void cancel(Throwable cause) {
        cancel(true, Context.CANCELED, cause);
    }

    @Override
    public void close() {
        cancel();
    }

    /** The cause recorded at cancellation, or null while not cancelled. */
    Throwable cause() {
        lock.lock();
        try {
            return cause;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels this node and its subtree; the cause defaults to err. */
    final void cancel(boolean removeFromAncestor, CancellationException error, Throwable why) {
        Throwable effectiveCause = why != null ? why : error;
        var walk = new CancelWalk(error, effectiveCause);
        if (!markCancelled(error, effectiveCause, walk)) {
            return;
        }
        walk.finish();
        if (removeFromAncestor) {
            CancelNode from = ancestor;
            if (from != null) {
                from.remove(this);
            }
        }
    }

    @Override
    public void parentCancelled(CancellationException error, Throwable why) {
        cancel(false, error, why);
    }

    @Override
    public void collect(CancellationException error, Throwable why, CancelWalk walk) {
        markCancelled(error, why, walk);
    }

    @Override
    public ReceiveChan<Empty> end() {
        return done;
    }

    /**
     * Sets err and cause, closes done and hands the children to the walk; false if already cancelled.
     */
    private boolean markCancelled(CancellationException error, Throwable why, CancelWalk walk) {
        Set<Child> orphans;
        lock.lock();
        try {
            if (err != null) {
                return false;
            }
            err = error;
            cause = why;
            done.close();
            orphans = children;
            children = null;
        } finally {
            lock.unlock();
        }
        if (orphans != null) {
            for (Child child : orphans) {
                walk.visit(child);
            }
        }
        cancelled();
        return true;
    }

    /** Hook for subclasses: release what the node holds (a timer) once it is cancelled. */
    void cancelled() {
    }

    /** Registers {@code child}, or cancels it at once if this node is already cancelled. */
    void adopt(Child child) {
        CancellationException error;
        Throwable why;
        lock.lock();
        try {
            error = err;
            why = cause;
            if (error == null) {
                if (children == null) {
                    children = new HashSet<>();
                }
                children.add(child);
                if (child instanceof CancelNode node) {
                    node.ancestor = this;
                } else if (child instanceof Registration registration) {
                    registration.ancestor = this;
                }
                return;
            }
        } finally {
            lock.unlock();
        }
        child.parentCancelled(error, why);
    }

    /** Unregisters a child that no longer needs this node. */
    void remove(Child child) {
        lock.lock();
        try {
            if (children != null) {
                children.remove(child);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many children are registered: a probe for the no-leak tests. */
    int registeredChildren() {
        lock.lock();
        try {
            return children == null ? 0 : children.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return parent + ".WithCancel";
    }
}
