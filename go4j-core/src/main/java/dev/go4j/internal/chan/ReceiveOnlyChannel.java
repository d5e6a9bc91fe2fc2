package dev.go4j.internal.chan;

import dev.go4j.ReceiveChan;

/**
 * Go's {@code <-chan T} as go4j hands it out: a timer's or ticker's channel, a context's done channel, the
 * channel of {@code Chan.fromStage}. Users may only receive from it (it is no {@link dev.go4j.SendChan}, so not
 * even a cast lets them send or close); go4j's own code sends on it and closes it through {@link Channel}'s
 * methods. All behaviour is {@link Channel}'s.
 *
 * @param <T> the element type
 */
public final class ReceiveOnlyChannel<T> extends Channel<T> implements ReceiveChan<T> {
    ReceiveOnlyChannel(int capacity, ChannelTimer timer) {
        super(capacity, null, timer);
    }
}
