package dev.go4j.internal.chan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A FIFO of waiting operations on one channel (Go's {@code waitq}): an intrusive doubly linked list, so a
 * cancelled waiter unlinks itself in O(1). Guarded by the channel's lock; not thread-safe on its own.
 */
final class SudogQueue {
    /** The queue of a channel on which nobody has waited yet: always empty, never enqueued into. */
    static final SudogQueue NONE = new SudogQueue();
    private static final VarHandle HEAD;

    /** Written under the channel's lock (plain); read racily (acquire) by mayHaveWaiters. */
    private Sudog head;
    private Sudog tail;
    /** Number of queued sudogs, live or already claimed elsewhere; for the leak probes of tests. */
    private int size;

    void enqueue(Sudog s) {
        s.prev = tail;
        s.next = null;
        if (tail == null) {
            head = s;
        } else {
            tail.next = s;
        }
        tail = s;
        s.queued = true;
        size++;
    }

    /** The first sudog, live or not, or null; it stays queued. */
    Sudog peek() {
        return head;
    }

    /** Removes and returns the first sudog, live or not, or null. */
    Sudog poll() {
        Sudog s = head;
        if (s != null) {
            unlink(s);
        }
        return s;
    }

    /** Removes {@code s}, which must be queued here. */
    void unlink(Sudog s) {
        Sudog prev = s.prev;
        Sudog next = s.next;
        if (prev == null) {
            head = next;
        } else {
            prev.next = next;
        }
        if (next == null) {
            tail = prev;
        } else {
            next.prev = prev;
        }
        s.prev = null;
        s.next = null;
        s.queued = false;
        size--;
    }

    /**
     * Racy hint, read without the channel's lock: false means the queue was empty at some moment during the
     * call. Queued sudogs may already be dead, so true proves nothing.
     */
    boolean mayHaveWaiters() {
        return HEAD.getAcquire(this) != null;
    }

    int size() {
        return size;
    }

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(SudogQueue.class, "head", Sudog.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
