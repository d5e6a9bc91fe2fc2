package dev.go4j.internal.context;

import dev.go4j.context.Context;

/** A root context (Go's backgroundCtx and todoCtx): never cancelled, no values, no deadline. */
final class EmptyContext extends NeverCancelled {
    private final String name;

    EmptyContext(String name) {
        this.name = name;
    }

    @Override
    public <T> T value(Context.Key<T> key) {
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
