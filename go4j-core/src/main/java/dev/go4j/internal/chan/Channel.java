package dev.go4j.internal.chan;

import dev.go4j.Interrupted;
import dev.go4j.RuntimeError;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.Park;
import dev.go4j.internal.park.Waiter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Implementation notes.
 *
 * The channel core, after Go's runtime/chan.go: one lock per channel, a ring buffer of `capacity` slots, and two
 * FIFO queues of waiting operations (sudogs), receivers and senders. Every operation - a plain send or receive,
 * blocking or not, and every case of a select (Selection) - goes through the same locked steps:
 *
 *   pollSend(v)    closed -> CLOSED; else hand v to the first live waiting receiver; else put v in the buffer if
 *                  there is room; else NOT_READY.
 *   pollReceive()  closed and empty -> CLOSED (zero value); else take from the first live waiting sender (for a
 *                  buffered channel, whose buffer is then full: take the buffer's head and append the sender's
 *                  element, keeping FIFO order); else take the buffer's head; else NOT_READY.
 *   enqueue        a NOT_READY operation that may block links a sudog into the matching queue and parks on its
 *                  Waiter (after checking the interrupt status, so an interrupted goroutine never waits).
 *   withdraw       a waiter that gave up (interrupt, timeout, select lost elsewhere) unlinks its sudogs again.
 *
 * Invariants (under the lock):
 *   - count == 0 or receivers holds no live sudog; count == capacity or senders holds no live sudog. Both
 *     queues hold live sudogs at once only for an unbuffered channel with one select waiting on both directions
 *     (a select never matches itself: it polls every case before it enqueues any).
 *   - A sudog is "live" while its Waiter is unclaimed. A waker pops sudogs from the head and claims their
 *     Waiter by CAS; a failed claim means the waiter was cancelled or its select was won on another channel, so
 *     the sudog is dropped and the next one is tried. Dead sudogs are also unlinked by their owner
 *     (withdraw), so each queue holds live waiters plus sudogs whose owner is about to unlink them: O(1)
 *     amortised reclamation, and no reference to an abandoned element or goroutine survives the owner's return.
 *   - After close, no sudog is ever enqueued again and both queues were emptied by close; the buffer still
 *     drains in order.
 *
 * Exactly once: an element moves only under the channel lock, and only in one of three ways: into the buffer,
 * out of the buffer, or to a waiter whose claim CAS this thread won. A waiter that loses its cancel CAS to a
 * claim treats the operation as done (the match wins over interrupt and timeout), so an element handed to it is
 * never lost, and a send whose waiter was cancelled was never taken, so its element is reported as not sent.
 *
 * Memory model (Go's rules, as Java happens-before):
 *   - A send happens-before the matching receive completes: the element is handed over under the lock, or
 *     through the buffer under the lock, or written into the receiver's sudog before the claiming CAS.
 *   - A close happens-before a receive that returns because the channel is closed: same paths.
 *   - An unbuffered receive happens-before the matching send completes: the receiver claims the sender's
 *     waiter by CAS and the sender returns only after reading that claim.
 *   - The k-th receive on a channel of capacity C happens-before the (k+C)-th send completes: that send
 *     either found room under the lock after the k-th receive released it, or waited and was claimed by it.
 *
 * Locks: a plain operation holds one channel lock for a few steps and never parks or runs user code while
 * holding it; wake-ups (unpark) happen after unlocking. Selection holds the locks of all its channels at once,
 * taken in increasing `id` order, so that no two selects (or a select and a plain op) can deadlock. The lock is a
 * ReentrantLock, not a monitor (monitors pin carriers on JDK 21-23); contention on it is brief and is not a Go
 * wait reason, just as contention on the Go runtime's channel lock is invisible to goroutine dumps.
 *
 * Differences from chan.go: elements are references (no copying); a nil channel has no Channel (the facade
 * handles it); the per-channel lock is not held while waking peers; there is no lock-free fast path yet
 * (performance work comes with the benchmark issues).
 */
public final class Channel<T> {
    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle COUNT;

    /** Position in the global lock order; unique. Final. */
    final long id = IDS.incrementAndGet();
    /** The public channel, named as the primitive of wait reasons so tests and dumps see the user's object. */
    final Object owner;
    /** Buffer capacity; 0 for an unbuffered channel. Final. */
    private final int capacity;
    /**
     * True for the channel of a timer or ticker: Go 1.23 makes those synchronous to their users, so len and cap
     * report 0 although one slot buffers a fired value, which stop and reset clear (see clearBuffer). Final.
     */
    private final boolean hidesBuffer;
    /** What this channel keeps alive, such as its timer; never read by the channel itself. Final. */
    private final Object attachment;
    /** What a receive on a closed, drained channel returns. Final. */
    private final T zero;
    /** Guards everything below. */
    final ReentrantLock lock = new ReentrantLock();
    /** Ring buffer; slots outside [head, head + count) are null. Guarded by lock. */
    private final Object[] buffer;
    /** Index of the oldest buffered element. Guarded by lock. */
    private int head;
    /** Number of buffered elements. Written under lock; read racily (acquire) by len(). */
    private int count;
    /** True once closed. Guarded by lock. */
    private boolean closed;
    /** Waiting receives and sends, FIFO. Guarded by lock. */
    private final SudogQueue receivers = new SudogQueue();
    private final SudogQueue senders = new SudogQueue();
    /** Results of the last poll, valid only to the thread holding the lock, cleared by the take methods. */
    private Object polledElem;
    private Sudog polledPeer;

    /**
     * Creates a channel.
     *
     * @param owner the public object that stands for this channel
     * @param capacity the buffer size, at least 0
     * @param zero the value a receive on a closed, drained channel returns
     */
    public Channel(Object owner, int capacity, T zero) {
        this(owner, capacity, zero, false, null);
    }

    /**
     * Creates a channel that may hide its buffer from len and cap and keeps {@code attachment} alive.
     *
     * @param hidesBuffer true for timer channels (len and cap report 0)
     * @param attachment an object this channel references, or null
     */
    public Channel(Object owner, int capacity, T zero, boolean hidesBuffer, Object attachment) {
        if (capacity < 0) {
            throw new RuntimeError("makechan: size out of range");
        }
        this.owner = owner;
        this.capacity = capacity;
        this.zero = zero;
        this.hidesBuffer = hidesBuffer;
        this.attachment = attachment;
        this.buffer = capacity == 0 ? null : new Object[capacity];
    }

    /** The number of buffered elements, a snapshot (Go's {@code len}); 0 for a timer channel. */
    public int len() {
        return hidesBuffer ? 0 : (int) COUNT.getAcquire(this);
    }

    /** The buffer capacity (Go's {@code cap}); 0 for a timer channel. */
    public int cap() {
        return hidesBuffer ? 0 : capacity;
    }

    /** The public object that stands for this channel. */
    public Object owner() {
        return owner;
    }

    /** The object given at creation for this channel to keep alive. */
    public Object attachment() {
        return attachment;
    }

    /**
     * Discards every buffered element (a timer's stop or reset: no value of the earlier setting may be received
     * afterwards).
     *
     * @return how many elements were discarded
     */
    public int clearBuffer() {
        lock.lock();
        try {
            int discarded = count;
            for (int i = 0; i < discarded; i++) {
                buffer[(head + i) % capacity] = null;
            }
            head = 0;
            COUNT.setRelease(this, 0);
            return discarded;
        } finally {
            lock.unlock();
        }
    }

    /** The zero value given at creation. */
    public T zero() {
        return zero;
    }

    /**
     * Sends {@code value}.
     *
     * @param block whether to wait until the send can complete
     * @return true if sent; false only if {@code block} is false and the send would have to wait
     * @throws RuntimeError {@code send on closed channel}
     * @throws Interrupted if the thread is interrupted while it must wait (the element is then not sent)
     */
    public boolean send(T value, boolean block) {
        Sudog peer = null;
        Sudog waiting = null;
        lock.lock();
        try {
            switch (pollSend(value)) {
                case COMPLETED -> peer = takePolledPeer();
                case CLOSED -> throw sendOnClosed();
                case NOT_READY -> {
                    if (!block) {
                        return false;
                    }
                    waiting = enqueueCurrent(true, value);
                }
            }
        } finally {
            lock.unlock();
        }
        if (waiting == null) {
            wake(peer);
            return true;
        }
        awaitClaim(waiting, WaitReason.CHAN_SEND);
        if (!waiting.success) {
            throw sendOnClosed();
        }
        return true;
    }

    /**
     * Receives a value, reporting through {@code outcome}.
     *
     * @param block whether to wait until a value arrives or the channel is closed
     * @throws Interrupted if the thread is interrupted while it must wait (nothing is then received)
     */
    @SuppressWarnings("unchecked")
    public <R> R receive(boolean block, ReceiveOutcome<? super T, R> outcome) {
        Poll poll;
        Object elem = null;
        Sudog peer = null;
        Sudog waiting = null;
        lock.lock();
        try {
            poll = pollReceive();
            if (poll != Poll.NOT_READY) {
                elem = takePolledElem();
                peer = takePolledPeer();
            } else if (!block) {
                return outcome.wouldBlock();
            } else {
                waiting = enqueueCurrent(false, null);
            }
        } finally {
            lock.unlock();
        }
        if (waiting != null) {
            awaitClaim(waiting, WaitReason.CHAN_RECEIVE);
            return waiting.success ? outcome.value((T) waiting.elem) : outcome.closed(zero);
        }
        wake(peer);
        return poll == Poll.COMPLETED ? outcome.value((T) elem) : outcome.closed(zero);
    }

    /**
     * Closes the channel: buffered elements still drain, then receives return the zero value at once; every
     * waiting receiver wakes with the zero value and every waiting sender with {@code send on closed channel}.
     *
     * @throws RuntimeError {@code close of closed channel}
     */
    public void close() {
        Sudog woken = null;
        lock.lock();
        try {
            if (closed) {
                throw new RuntimeError("close of closed channel");
            }
            closed = true;
            woken = releaseAll(receivers, woken);
            woken = releaseAll(senders, woken);
        } finally {
            lock.unlock();
        }
        while (woken != null) {
            Sudog next = woken.next;
            woken.next = null;
            wake(woken);
            woken = next;
        }
    }

    /** The real number of buffered elements, even for a timer channel: a probe for tests. */
    int buffered() {
        return (int) COUNT.getAcquire(this);
    }

    /** How many sudogs are queued, live or dead: a probe for the no-leak tests. */
    public int queuedWaiters() {
        lock.lock();
        try {
            return receivers.size() + senders.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "chan[cap=" + capacity + ", len=" + len() + "]";
    }

    // ---- Locked steps shared with Selection. The caller holds `lock`. ----

    /** Tries to send without waiting; on COMPLETED a claimed receiver, if any, is left for takePolledPeer. */
    Poll pollSend(Object value) {
        if (closed) {
            return Poll.CLOSED;
        }
        Sudog receiver;
        while ((receiver = receivers.poll()) != null) {
            receiver.elem = value;
            receiver.success = true;
            if (receiver.waiter.claim(receiver)) {
                polledPeer = receiver;
                return Poll.COMPLETED;
            }
            receiver.elem = null;
        }
        if (count < capacity) {
            buffer[(head + count) % capacity] = value;
            COUNT.setRelease(this, count + 1);
            return Poll.COMPLETED;
        }
        return Poll.NOT_READY;
    }

    /**
     * Tries to receive without waiting; on COMPLETED or CLOSED the element (the zero value when closed) is left
     * for takePolledElem and a claimed sender, if any, for takePolledPeer.
     */
    Poll pollReceive() {
        if (closed && count == 0) {
            polledElem = zero;
            return Poll.CLOSED;
        }
        Sudog sender;
        while ((sender = senders.poll()) != null) {
            sender.success = true;
            if (sender.waiter.claim(sender)) {
                if (capacity == 0) {
                    polledElem = sender.elem;
                } else {
                    polledElem = buffer[head];
                    buffer[head] = sender.elem;
                    head = (head + 1) % capacity;
                }
                sender.elem = null;
                polledPeer = sender;
                return Poll.COMPLETED;
            }
        }
        if (count > 0) {
            polledElem = buffer[head];
            buffer[head] = null;
            head = (head + 1) % capacity;
            COUNT.setRelease(this, count - 1);
            return Poll.COMPLETED;
        }
        return Poll.NOT_READY;
    }

    Object takePolledElem() {
        Object elem = polledElem;
        polledElem = null;
        return elem;
    }

    Sudog takePolledPeer() {
        Sudog peer = polledPeer;
        polledPeer = null;
        return peer;
    }

    /** Links a waiting operation into the queue of its direction. The caller holds the lock. */
    void enqueue(Sudog sudog) {
        (sudog.send ? senders : receivers).enqueue(sudog);
    }

    /** Unlinks {@code sudog} if it is still queued here. The caller holds the lock. */
    void unlinkIfQueued(Sudog sudog) {
        if (sudog.queued) {
            (sudog.send ? senders : receivers).unlink(sudog);
        }
    }

    // ---- Helpers for the plain operations. ----

    /** Checks the interrupt status, then enqueues a sudog for the current thread. The caller holds the lock. */
    private Sudog enqueueCurrent(boolean send, Object elem) {
        if (Thread.interrupted()) {
            throw Park.interrupted();
        }
        Sudog sudog = new Sudog(new Waiter(), this, 0, send, elem);
        enqueue(sudog);
        return sudog;
    }

    /** Parks until the sudog's waiter is claimed; on interrupt, withdraws the sudog and rethrows. */
    private void awaitClaim(Sudog sudog, WaitReason reason) {
        try {
            sudog.waiter.await(reason, owner, true);
        } catch (Interrupted e) {
            withdraw(sudog);
            throw e;
        }
    }

    /** Unlinks a sudog whose waiter was cancelled, taking the lock. */
    void withdraw(Sudog sudog) {
        lock.lock();
        try {
            unlinkIfQueued(sudog);
            sudog.elem = null;
        } finally {
            lock.unlock();
        }
    }

    /** Claims every live sudog of {@code queue} as woken by close, chaining them onto {@code list} via next. */
    private static Sudog releaseAll(SudogQueue queue, Sudog list) {
        Sudog sudog;
        while ((sudog = queue.poll()) != null) {
            sudog.success = false;
            if (sudog.waiter.claim(sudog)) {
                sudog.next = list;
                list = sudog;
            }
        }
        return list;
    }

    static void wake(Sudog peer) {
        if (peer != null) {
            peer.waiter.wake();
        }
    }

    static RuntimeError sendOnClosed() {
        return new RuntimeError("send on closed channel");
    }

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Channel.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
