package dev.go4j.internal.context;

import dev.go4j.Empty;
import dev.go4j.ReceiveChan;
import dev.go4j.context.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/** A context carrying one key-value pair (Go's valueCtx); everything else comes from the parent. */
final class ValueNode implements Context {
    final Context parent;
    final Context.Key<?> key;
    final Object value;

    ValueNode(Context parent, Context.Key<?> key, Object value) {
        this.parent = parent;
        this.key = key;
        this.value = value;
    }

    @Override
    public ReceiveChan<Empty> done() {
        return parent.done();
    }

    @Override
    public CancellationException err() {
        return parent.err();
    }

    @Override
    public Optional<Instant> deadline() {
        return parent.deadline();
    }

    @Override
    public <T> T value(Context.Key<T> k) {
        return Contexts.lookup(this, k);
    }

    @Override
    public String toString() {
        return parent + ".WithValue(" + key + ")";
    }
}
