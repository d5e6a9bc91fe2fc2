package dev.go4j.internal.chan;

/** What the poll of one channel operation found, under the channel's lock (see {@link Channel}'s notes). */
enum Poll {
    /** The channel is closed: a receive completes with the zero value; a send must panic. */
    CLOSED,
    /** A waiting peer was claimed for this operation; it is the head of the opposite queue until completed. */
    PEER,
    /** The buffer serves it: a send has put its element in; a receive will take the oldest. */
    BUFFER,
    /** The operation would have to wait. */
    NOT_READY
}
