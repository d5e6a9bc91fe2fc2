package dev.go4j.internal.clock;

import java.time.Duration;

/**
 * How long a go4j operation may wait, the one mode argument of every blocking routine (as
 * {@code LinkedTransferQueue.xfer}'s nanos: poll, timed, or untimed): {@link #NOW} never waits (Go's
 * {@code select} with a {@code default}, {@code trySend}), {@link #NEVER} waits as long as it takes, and
 * {@link #at(long)} waits until a point on the {@linkplain Clock clock}.
 *
 * <p>Immutable. Points are {@link Clock#nanoTime()} values, compared by subtraction.
 */
public final class Deadline {
    /** Do not wait at all. */
    public static final Deadline NOW = new Deadline(Kind.NOW, 0);
    /** Wait without a time limit. */
    public static final Deadline NEVER = new Deadline(Kind.NEVER, 0);

    private enum Kind { NOW, AT, NEVER }

    private final Kind kind;
    /** The point on the clock, for {@code AT}. */
    private final long nanos;

    private Deadline(Kind kind, long nanos) {
        this.kind = kind;
        this.nanos = nanos;
    }

    /** Wait until {@code nanoTime} on the clock at the latest. */
    public static Deadline at(long nanoTime) {
        return new Deadline(Kind.AT, nanoTime);
    }

    /**
     * Wait for {@code timeout} from now on the current clock at most; a zero or negative timeout is {@link #NOW}.
     */
    public static Deadline after(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            return NOW;
        }
        return at(Clock.current().deadlineAfter(timeout));
    }

    /** True for {@link #NOW}: the operation must not wait. */
    public boolean isNow() {
        return kind == Kind.NOW;
    }

    /** True for {@link #NEVER}. */
    public boolean isNever() {
        return kind == Kind.NEVER;
    }

    /** The point on the clock; meaningful only when neither {@link #isNow()} nor {@link #isNever()}. */
    public long nanos() {
        return nanos;
    }

    /** True if an operation with this deadline must stop waiting now, reading {@code clock} if it must. */
    public boolean hasPassed(Clock clock) {
        return switch (kind) {
            case NOW -> true;
            case NEVER -> false;
            case AT -> nanos - clock.nanoTime() <= 0;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NOW -> "Deadline.NOW";
            case NEVER -> "Deadline.NEVER";
            case AT -> "Deadline.at(" + nanos + ")";
        };
    }
}
