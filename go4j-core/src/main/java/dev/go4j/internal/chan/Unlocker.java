package dev.go4j.internal.chan;

/**
 * Releases the channel locks an operation holds once its locked step is done (Go's {@code unlockf}): a plain
 * operation's channel releases its own lock, a select releases all of its channels' locks.
 */
interface Unlocker {
    /** Releases every lock the operation holds. */
    void unlockAll();
}
