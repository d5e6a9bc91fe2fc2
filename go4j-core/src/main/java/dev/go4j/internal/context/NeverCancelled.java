package dev.go4j.internal.context;

import dev.go4j.Empty;
import dev.go4j.ReceiveChan;
import dev.go4j.context.Context;
import dev.go4j.internal.chan.Channel;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/** A context that can never be cancelled and has no deadline: the roots and withoutCancel. */
abstract class NeverCancelled implements Context {
    @Override
    public final ReceiveChan<Empty> done() {
        return Channel.nil();
    }

    @Override
    public final CancellationException err() {
        return null;
    }

    @Override
    public final Optional<Instant> deadline() {
        return Optional.empty();
    }
}
