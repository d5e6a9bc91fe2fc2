package dev.go4j.internal.chan;

/** The outcome of trying one channel operation without waiting, under the channel's lock. */
enum Poll {
    /** The operation happened: the element moved (to or from a waiting peer, or the buffer). */
    COMPLETED,
    /** The channel is closed: a receive completes with the zero value; a send must panic. */
    CLOSED,
    /** The operation would have to wait. */
    NOT_READY
}
