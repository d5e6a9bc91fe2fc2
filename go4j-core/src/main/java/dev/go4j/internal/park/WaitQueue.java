package dev.go4j.internal.park;

import java.util.StringJoiner;
import java.util.function.Consumer;

/*
 * Implementation notes.
 *
 * go4j's wait queue: an immutable queue of Waiters. Every "change" returns a new queue and leaves the old one as
 * it was, so a primitive keeps its whole queue (and whatever it counts beside it) in one volatile field and
 * changes it with one CAS. That makes each queue operation linearizable at its CAS without any lock: no lock to
 * park on outside the park path, no spinning carrier, and no window in which a queue is half-linked. (Go's
 * runtime guards its semaRoot with a runtime lock instead; Java has no such lock that does not either spin or
 * park in its own loop.) The price is a few small allocations on the slow path only, next to a park/unpark that
 * costs far more.
 *
 * Representation: Okasaki's batched queue. `front` lists the oldest waiters, oldest first; `back` lists the
 * newest, newest first. Invariants:
 *   - front == null only if the queue is empty (back == null too), so first() is O(1);
 *   - size is the number of links in front plus back.
 * addLast conses onto back; addFirst (the LIFO re-queue of a mutex waiter that was woken and lost the race)
 * conses onto front; removeFirst drops the head of front and, when front runs out, reverses back into a new front.
 * Each waiter is reversed at most once per version chain, so the operations are O(1) amortised. A CAS that fails
 * after a reversal throws that work away and the retry does it again; only waiters arriving and wakers leaving
 * race on a queue, so this stays rare.
 *
 * Links are shared between versions. A version that has lost its last reference (the primitive's field moved on)
 * is garbage, so a removed waiter is unreachable from the primitive as soon as the CAS that removed it succeeds.
 *
 * remove(w) rebuilds the queue in O(n); it serves only waiters that gave up (an interrupted Cond.await).
 */

/** An immutable FIFO queue of {@link Waiter}s with a front insertion for re-queued waiters. */
public final class WaitQueue {
    /** The empty queue. */
    public static final WaitQueue EMPTY = new WaitQueue(null, null, 0);

    /** Oldest waiters, oldest first; null only if the queue is empty. Final. */
    private final Link front;
    /** Newest waiters, newest first; may be null. Final. */
    private final Link back;
    /** The number of waiters. Final. */
    private final int size;

    private WaitQueue(Link front, Link back, int size) {
        this.front = front;
        this.back = back;
        this.size = size;
    }

    /** True if no waiter is queued. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The number of queued waiters. */
    public int size() {
        return size;
    }

    /** This queue with {@code w} behind every other waiter. */
    public WaitQueue addLast(Waiter w) {
        if (front == null) {
            return new WaitQueue(new Link(w, null), null, 1);
        }
        return new WaitQueue(front, new Link(w, back), size + 1);
    }

    /** This queue with {@code w} ahead of every other waiter. */
    public WaitQueue addFirst(Waiter w) {
        return new WaitQueue(new Link(w, front), back, size + 1);
    }

    /**
     * The longest-queued waiter.
     *
     * @throws IllegalStateException if the queue is empty
     */
    public Waiter first() {
        if (front == null) {
            throw new IllegalStateException("empty wait queue");
        }
        return front.waiter;
    }

    /**
     * This queue without its {@linkplain #first() first} waiter.
     *
     * @throws IllegalStateException if the queue is empty
     */
    public WaitQueue removeFirst() {
        if (front == null) {
            throw new IllegalStateException("empty wait queue");
        }
        if (size == 1) {
            return EMPTY;
        }
        if (front.next != null) {
            return new WaitQueue(front.next, back, size - 1);
        }
        return new WaitQueue(reverse(back, null), null, size - 1);
    }

    /** This queue without {@code w} (compared by identity), or this queue if {@code w} is not in it. */
    public WaitQueue remove(Waiter w) {
        if (!contains(w)) {
            return this;
        }
        if (size == 1) {
            return EMPTY;
        }
        // Oldest first, without w: reverse (back reversed onto front reversed), dropping w on the way.
        Link newestFirst = null;
        for (Link l = front; l != null; l = l.next) {
            if (l.waiter != w) {
                newestFirst = new Link(l.waiter, newestFirst);
            }
        }
        for (Link l = reverse(back, null); l != null; l = l.next) {
            if (l.waiter != w) {
                newestFirst = new Link(l.waiter, newestFirst);
            }
        }
        return new WaitQueue(reverse(newestFirst, null), null, size - 1);
    }

    /** True if {@code w} (compared by identity) is queued. */
    public boolean contains(Waiter w) {
        for (Link l = front; l != null; l = l.next) {
            if (l.waiter == w) {
                return true;
            }
        }
        for (Link l = back; l != null; l = l.next) {
            if (l.waiter == w) {
                return true;
            }
        }
        return false;
    }

    /** Calls {@code action} for every waiter, oldest first. */
    public void forEach(Consumer<Waiter> action) {
        for (Link l = front; l != null; l = l.next) {
            action.accept(l.waiter);
        }
        for (Link l = reverse(back, null); l != null; l = l.next) {
            action.accept(l.waiter);
        }
    }

    /** {@code list} reversed, followed by {@code tail}. */
    private static Link reverse(Link list, Link tail) {
        Link reversed = tail;
        for (Link l = list; l != null; l = l.next) {
            reversed = new Link(l.waiter, reversed);
        }
        return reversed;
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "WaitQueue[", "]");
        forEach(w -> text.add(w.toString()));
        return text.toString();
    }

    /** One cell of an immutable list; shared between queue versions. */
    private record Link(Waiter waiter, Link next) {
    }
}
