package dev.go4j.internal.chan;

import dev.go4j.Chan;
import java.util.Objects;

/**
 * Go's {@code chan T}: a channel its users may send on, receive from and close, made by {@code Chan.make}; also
 * the one nil channel. All behaviour is {@link Channel}'s.
 *
 * @param <T> the element type
 */
public final class SendReceiveChannel<T> extends Channel<T> implements Chan<T> {
    /** The nil channel, Go's {@code var ch chan T}: its operations are decided before any lock (see Channel). */
    static final SendReceiveChannel<?> NIL = new SendReceiveChannel<>(0, null);

    SendReceiveChannel(int capacity, T zero) {
        super(capacity, zero, null);
    }

    @Override
    public Chan<T> named(String name) {
        setDebugName(Objects.requireNonNull(name, "name"));
        return this;
    }
}
