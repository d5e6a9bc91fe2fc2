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

    /** Go's valueCtx.String: {@code parent.WithValue(key, value)}, each printed as {@link #stringify} says. */
    @Override
    public String toString() {
        return parent + ".WithValue(" + stringify(key) + ", " + stringify(value) + ")";
    }

    /**
     * Go's stringify: a string as it is, null as {@code <nil>}, a value whose class has its own
     * {@code toString} (Java's Stringer) by it, anything else by its type name.
     */
    static String stringify(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String s) {
            return s;
        }
        try {
            if (v.getClass().getMethod("toString").getDeclaringClass() != Object.class) {
                return v.toString();
            }
        } catch (NoSuchMethodException impossible) {
            // every class has a public toString
        }
        return v.getClass().getName();
    }
}
