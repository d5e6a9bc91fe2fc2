package dev.go4j.internal.chan;

/**
 * How a receive reports its result: the one receive routine of {@link Channel} is parameterised by this, so
 * {@code receive()}, {@code receiveOk()} and {@code tryReceive()} share it without allocating a result holder.
 *
 * @param <T> the element type
 * @param <R> what the caller returns
 */
public interface ReceiveOutcome<T, R> {
    /** A value was received. */
    R value(T value);

    /** The channel was closed and drained; {@code zero} is the channel's zero value. */
    R closed(T zero);

    /** A non-blocking receive found nothing to receive. */
    R wouldBlock();
}
