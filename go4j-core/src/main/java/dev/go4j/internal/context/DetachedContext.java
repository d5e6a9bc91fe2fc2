package dev.go4j.internal.context;

import dev.go4j.context.Context;

/** A context with its parent's values but no cancellation and no deadline (Go's withoutCancelCtx). */
final class DetachedContext extends NeverCancelled {
    final Context parent;

    DetachedContext(Context parent) {
        this.parent = parent;
    }

    @Override
    public <T> T value(Context.Key<T> key) {
        return Contexts.lookup(this, key);
    }

    @Override
    public String toString() {
        return parent + ".WithoutCancel";
    }
}
