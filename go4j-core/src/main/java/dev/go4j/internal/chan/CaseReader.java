package dev.go4j.internal.chan;

/**
 * How {@link Selection} reads the cases of a select, whatever class the caller represents them by (the public
 * {@code Select.Case}, or an internal case of go4j's own): one stateless reader per case class, so cases need no
 * wrapping and expose nothing of the core. What a select returns is the reader's to decide: the chosen case's
 * result ({@link #fire}) or, when the deadline passes first, {@link #timedOut}'s.
 *
 * @param <C> the caller's case type
 * @param <R> what a select over these cases returns
 */
public interface CaseReader<C, R> {
    /** What a case does. */
    enum Kind {
        /** Receive from the case's channel. */
        RECEIVE,
        /** Send the case's value on its channel. */
        SEND,
        /** Go's {@code default}: chosen when no other case is ready. */
        DEFAULT
    }

    /** What {@code c} does. */
    Kind kind(C c);

    /** The channel of a send or receive case; null, or the nil channel, for a case that is never ready. */
    Channel<?> channel(C c);

    /** The element a send case sends, fixed when the case was made. */
    Object value(C c);

    /**
     * Runs case {@code c}, which the select chose, once the select has finished with every channel.
     *
     * @param value what a receive case received (the zero value if the channel was closed); null otherwise
     * @param ok for a receive case, false if the channel was closed; true otherwise
     * @return what the select returns
     */
    R fire(C c, Object value, boolean ok);

    /**
     * What a select over {@code cases} returns when its deadline passed before any case could proceed.
     *
     * @param cases the select's cases, as given to it
     */
    R timedOut(C[] cases);
}
