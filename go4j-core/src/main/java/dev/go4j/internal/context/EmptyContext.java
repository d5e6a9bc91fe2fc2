package dev.go4j.internal.context;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.ReceiveChan;
import dev.go4j.context.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/** A root context (Go's backgroundCtx and todoCtx): never cancelled, no values, no deadline. */
final class EmptyContext implements Context {
    private final String name;

    EmptyContext(String name) {
        this.name = name;
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
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
