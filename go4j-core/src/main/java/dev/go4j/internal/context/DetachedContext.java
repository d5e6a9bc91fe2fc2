package dev.go4j.internal.context;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.ReceiveChan;
import dev.go4j.context.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/** A context with its parent's values but no cancellation and no deadline (Go's withoutCancelCtx). */
final class DetachedContext implements Context {
    final Context parent;

    DetachedContext(Context parent) {
        this.parent = parent;
    }

    @Override
    public ReceiveChan<Empty> done() {
        return Chan.nil();
    }

    @Override
    public CancellationException err() {
        return null;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();
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
