package dev.go4j.internal.chan;

import dev.go4j.Interrupted;
import dev.go4j.RuntimeError;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.Park;
import dev.go4j.internal.park.Waiter;
import dev.go4j.internal.sync.RuntimeLock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

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
 * RuntimeLock (spin, then sleep; not a monitor, which pins carriers on JDK 21-23, and no longer a ReentrantLock,
 * whose contenders park at once: see RuntimeLock's notes for the measurements); contention on it is brief and is
 * not a Go wait reason, just as contention on the Go runtime's channel lock is invisible to goroutine dumps.
 *
 * Adaptive spinning (not in chan.go; goroutine switches are far cheaper in Go than a virtual thread's park and
 * remount). OFF by default; -Dgo4j.spinNanos=2000 turns it on. Measured on 2 cores (go4j-bench, 1 fork, 5 x 0.5 s,
 * an idle machine but wide errors): unconditional 2 us spinning halved PingPong (930 -> 521 ns) and helped
 * Select2/FanIn cap 0, but made Buffered cap 16 3x slower (94 -> 280 ns) and the Sieve 8x slower (92 -> 745 ms);
 * the adaptive scheme below brought the Sieve back to 100-200 ms and Buffered back to baseline, but PingPong
 * became bimodal (565 ns in one run, 1515 +- 1744 ns in the next), so it is not yet a clear win and stays opt-in
 * until the benchmark issue's runs say otherwise. When on: a blocking plain operation on an unbuffered channel
 * may spin for spinNanos before parking, so that a
 * peer already running on another carrier hands over without a park/unpark round trip (go4j-bench PingPong,
 * FanIn cap 0). Spinning holds a carrier, and when the peer is waiting for that very carrier (the prime sieve: many
 * goroutines, two carriers) it is pure loss, so each channel keeps a spin credit: a spin that ends in a claim earns
 * credit, one that ends in a park loses more, and without credit only every 64th wait probes again. Buffered
 * channels never spin: a parked receiver lets the sender fill the buffer and then drains it in one go, which a
 * spinning receiver would turn into one hand-off per element (go4j-bench Buffered). The credit is a racy plain
 * int: a lost update only makes one decision a little wrong. Re-measured after the channel lock became a
 * RuntimeLock: spinning on vs off, PingPong 2307 vs 2483 ns (both bimodal), Sieve 104 -> 200 ms, FanIn cap 0
 * 384 -> 585 ns, so it stays off.
 *
 * Tried and rejected: spinning on the buffer before queueing (a receiver that finds the buffer empty, or a
 * sender that finds it full, re-reads count for up to 64 pauses without the lock, with the same credit scheme,
 * so that elements keep going through the buffer instead of hand-offs). FanIn cap 16 got faster (269 -> 116 ns)
 * but Buffered cap 16 slower (69 -> 129 ns) and SelectTimeout much slower (483 -> 1361 ns): a spinning producer
 * holds the carrier its consumer needs. The full record is in bench/README.md.
 *
 * Non-blocking fast paths (as chan.go): a trySend on a channel that is open and not ready, and a tryReceive on
 * an empty channel, are decided by two racy single-word reads (closed, and count or the head of the opposite
 * queue) without taking the lock; the comments at the two sites argue why that is linearisable.
 *
 * Differences from chan.go: elements are references (no copying); a nil channel has no Channel (the facade
 * handles it); the per-channel lock is not held while waking peers.
 */
public final class Channel<T> {
    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle COUNT;
    private static final VarHandle CLOSED;
    /** The largest buffer: the array length every JVM can allocate (the JDK's own soft maximum array length). */
    static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
    /** The most spin credit a channel can hold: this many failed spins in a row are forgiven. */
    private static final int SPIN_CREDIT_MAX = 8;

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
    final RuntimeLock lock = new RuntimeLock();
    /** Ring buffer; slots outside [head, head + count) are null. Guarded by lock. */
    private final Object[] buffer;
    /** Index of the oldest buffered element. Guarded by lock. */
    private int head;
    /** Number of buffered elements. Written under lock; read racily (acquire) by len(). */
    private int count;
    /** True once closed. Written under lock (release); read racily (acquire) by the non-blocking fast paths. */
    private boolean closed;
    /** Waiting receives and sends, FIFO. Guarded by lock. */
    private final SudogQueue receivers = new SudogQueue();
    private final SudogQueue senders = new SudogQueue();
    /** Spin credit, see the notes; racy plain reads and writes by any thread. */
    private int spinCredit = SPIN_CREDIT_MAX;
    /** Counts waits without credit, to probe every 64th; racy. */
    private int spinProbes;
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
        if (capacity < 0 || capacity > MAX_CAPACITY) {
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
        if (!block && !(boolean) CLOSED.getAcquire(this) && full()) {
            // Go's lock-free fast path: "not closed" then "not ready", each a single read. A closed channel
            // never becomes "not ready" again, so there was a moment when it was open and not ready: the
            // non-blocking send is linearised there and fails, without touching the lock.
            return false;
        }
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
        if (!block && empty()) {
            // Go's lock-free fast path: "empty" then "not closed" means there was a moment when it was open and
            // empty. If it was closed, a second "empty" read (after the closed one) proves it is closed and
            // drained, since nothing enters a closed channel.
            if (!(boolean) CLOSED.getAcquire(this)) {
                return outcome.wouldBlock();
            }
            if (empty()) {
                return outcome.closed(zero);
            }
        }
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
        var woken = new WakeList();
        lock.lock();
        try {
            if (closed) {
                throw new RuntimeError("close of closed channel");
            }
            CLOSED.setRelease(this, true);
            releaseAll(receivers, woken);
            releaseAll(senders, woken);
        } finally {
            lock.unlock();
        }
        woken.wakeAll();
    }

    /** Racy "a send would have to wait" for the fast path; may say false wrongly, never true wrongly while open. */
    private boolean full() {
        return capacity == 0 ? !receivers.mayHaveWaiters() : (int) COUNT.getAcquire(this) == capacity;
    }

    /** Racy "a receive would have to wait" for the fast path, in the same sense as full(). */
    private boolean empty() {
        return capacity == 0 ? !senders.mayHaveWaiters() : (int) COUNT.getAcquire(this) == 0;
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
        Sudog sudog = new Sudog(this, send, elem);
        enqueue(sudog);
        return sudog;
    }

    /** Parks until the sudog's waiter is claimed; on interrupt, withdraws the sudog and rethrows. */
    private void awaitClaim(Sudog sudog, WaitReason reason) {
        if (mayPaySpinning()) {
            boolean claimed = sudog.waiter.spinForClaim() != null;
            spinCredit = claimed ? Math.min(spinCredit + 1, SPIN_CREDIT_MAX) : (spinCredit >> 1) - 1;
            if (claimed) {
                return;
            }
        }
        try {
            sudog.waiter.await(reason, owner, true);
        } catch (Interrupted e) {
            withdraw(sudog);
            throw e;
        }
    }

    /** Whether a blocking plain operation should spin before parking (see the notes on adaptive spinning). */
    private boolean mayPaySpinning() {
        if (capacity != 0 || !Waiter.spinningEnabled()) {
            return false;
        }
        return spinCredit > 0 || (++spinProbes & 63) == 0;
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

    /** Claims every live sudog of {@code queue} as woken by close, appending them to {@code woken}. */
    private static void releaseAll(SudogQueue queue, WakeList woken) {
        Sudog sudog;
        while ((sudog = queue.poll()) != null) {
            sudog.success = false;
            if (sudog.waiter.claim(sudog)) {
                woken.append(sudog);
            }
        }
    }

    /**
     * Sudogs claimed by close, chained through their (no longer used) next links in the order they waited, and
     * woken in that order once the lock is released: first come, first run, as Go's goready queue does.
     */
    private static final class WakeList {
        private Sudog head;
        private Sudog tail;

        void append(Sudog sudog) {
            if (tail == null) {
                head = sudog;
            } else {
                tail.next = sudog;
            }
            tail = sudog;
        }

        void wakeAll() {
            Sudog sudog = head;
            while (sudog != null) {
                Sudog next = sudog.next;
                sudog.next = null;
                wake(sudog);
                sudog = next;
            }
        }
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
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNT = lookup.findVarHandle(Channel.class, "count", int.class);
            CLOSED = lookup.findVarHandle(Channel.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
