package dev.go4j.internal.chan;

import dev.go4j.Received;
import dev.go4j.RuntimeError;
import dev.go4j.TryReceive;
import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.jfr.Jfr;
import dev.go4j.internal.park.DebugNamed;
import dev.go4j.internal.park.Park;
import dev.go4j.internal.park.RuntimeLock;
import dev.go4j.internal.runtime.Program;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/*
 * Implementation notes.
 *
 * The channel, after Go's runtime/chan.go: one lock per channel, a ring buffer of `capacity` slots, and two FIFO
 * queues of waiting operations (sudogs), receivers and senders. A Channel is the object users hold: the public
 * interfaces Chan, SendChan and ReceiveChan are sealed, and their only implementations are this class's two
 * subclasses, SendReceiveChannel (Go's chan T, made by Chan.make, and the nil channel) and ReceiveOnlyChannel
 * (Go's <-chan T as go4j hands it out: timer channels, context done channels, Chan.fromStage). Every public method
 * is final here, so each interface call has one target.
 *
 * Every operation - a plain send or receive, blocking or not, and every case of a select (Selection) - goes
 * through the same locked steps, a poll and its completion:
 *
 *   pollSend(v)      closed -> CLOSED; else write v into the first live waiting receiver and claim it -> PEER;
 *                    else put v in the buffer if there is room -> BUFFER; else NOT_READY.
 *   pollReceive()    closed and empty -> CLOSED; else claim the first live waiting sender -> PEER; else a
 *                    buffered element -> BUFFER; else NOT_READY.
 *   completeSend, completeReceive(poll, unlocker)
 *                    finish what the poll found: take the element (from the claimed sender, for a buffered
 *                    channel the buffer's head with the sender's element appended, keeping FIFO order; or from the
 *                    buffer; or the zero value), dequeue the claimed peer, release the locks through the
 *                    unlocker (the channel's own lock, or all of a select's: Go's unlockf), then wake the peer.
 *   enqueue          a NOT_READY operation that may wait links a sudog into the matching queue and parks on its
 *                    Waiter (after checking the interrupt status, so an interrupted goroutine never waits).
 *   withdraw         a waiter that gave up (interrupt, deadline, select lost elsewhere) unlinks its sudog again.
 *
 * PEER means: the claimed sudog is the head of the opposite queue. It stays there only until the complete step
 * that follows in the same hold of the lock dequeues it (no other thread unlinks a claimed sudog: its owner acts
 * as woken, and wakers only drop sudogs whose claim they lost), so the poll returns nothing but its verdict.
 *
 * Invariants (under the lock):
 *   - count == 0 or receivers holds no live sudog; count == capacity or senders holds no live sudog. Both
 *     queues hold live sudogs at once only for an unbuffered channel with one select waiting on both directions
 *     (a select never matches itself: it polls every case before it enqueues any).
 *   - A sudog is "live" while its Waiter is unclaimed. A waker claims the head's Waiter by CAS; a failed claim
 *     means the waiter was cancelled or its select was won on another channel, so the sudog is dropped and the
 *     next one is tried. Dead sudogs are also unlinked by their owner (withdraw), so each queue holds live
 *     waiters plus sudogs whose owner is about to unlink them: O(1) amortised reclamation, and no reference to an
 *     abandoned element or goroutine survives the owner's return.
 *   - After close, no sudog is ever enqueued again and both queues were emptied by close; the buffer still
 *     drains in order.
 *
 * Exactly once: an element moves only under the channel lock, and only in one of three ways: into the buffer,
 * out of the buffer, or to a waiter whose claim CAS this thread won. A waiter that loses its cancel CAS to a
 * claim treats the operation as done (the match wins over interrupt and deadline), so an element handed to it is
 * never lost, and a send whose waiter was cancelled was never taken, so its element is reported as not sent.
 * Guarded by go4j-core's ChanStressTest (ExactlyOnceStress), which also shows two broken variants caught.
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
 * holding it; wake-ups (unpark) happen after unlocking. Selection first tries its cases one channel lock at a
 * time, as plain operations do, and then, if none proceeded, holds the locks of all its channels at once, taken in
 * increasing `id` order, so that no two selects (or a select and a plain op) can deadlock. The lock is a
 * RuntimeLock (spin, then sleep; see its notes); contention on it is brief and is not a Go wait reason, just as
 * contention on the Go runtime's channel lock is invisible to goroutine dumps. Lock order with timers: a timer's
 * lock before its channel's (the timer sends while holding its own lock); nothing takes a timer lock while
 * holding a channel lock.
 *
 * Timer channels (Go 1.23, hchan.timer): `timer` is the timer that feeds this channel. Every receive-side
 * operation first lets it deliver if it is due (maybeRun, Go's maybeRunChan), a goroutine that parks on the
 * channel counts itself with the timer (blocked/unblocked, so the timer is in a heap only while someone waits),
 * and len and cap report 0 although one slot buffers a fired value, which the timer's stop and reset drain.
 *
 * Non-blocking fast paths (as chan.go): a trySend on a channel that is open and not ready, and a tryReceive on
 * an empty channel, are decided by two racy single-word reads (closed, and count or the head of the opposite
 * queue) without taking the lock; the comments at the two sites argue why that is linearisable. A select's first
 * pass asks the same reads (maySend, mayReceive) which of its cases to try under the lock.
 *
 * JFR: close emits dev.go4j.ChannelClosed (name, capacity, what was still buffered, how many receivers and senders
 * it woke) after the wake-ups, outside the lock; with no recording running it costs one read of Jfr.on().
 *
 * Differences from chan.go: elements are references (no copying); the per-channel lock is not held while waking
 * peers; the nil channel is one instance whose operations are decided before any lock.
 */

/** The channel core and the object users hold; see the implementation notes. */
public abstract sealed class Channel<T> implements Unlocker, DebugNamed permits SendReceiveChannel, ReceiveOnlyChannel {
    /** The largest buffer: the array length every JVM can allocate (the JDK's own soft maximum array length). */
    static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle COUNT;
    private static final VarHandle CLOSED;
    private static final VarHandle RECEIVERS;
    private static final VarHandle SENDERS;
    private static final VarHandle NAME;

    /** Position in the global lock order; unique. Final. */
    final long id = IDS.incrementAndGet();
    /** Buffer capacity; 0 for an unbuffered channel. Final. */
    private final int capacity;
    /** What a receive on a closed, drained channel returns. Final. */
    private final T zero;
    /** The timer that feeds this channel (Go's hchan.timer), or null. Final. */
    private final ChannelTimer timer;
    /** The synctest bubble the channel was made in, or null. Final. */
    private final Bubble bubble;
    /** The debug name for dumps, or null; set at most once (CAS), read opaquely. */
    private String name;
    /** Guards everything below. */
    final RuntimeLock lock = new RuntimeLock();
    /** Ring buffer; slots outside [head, head + count) are null. Guarded by lock. */
    private final Object[] buffer;
    /** Index of the oldest buffered element. Guarded by lock. */
    private int head;
    /** Number of buffered elements. Written under lock; read racily (acquire) by len() and the fast paths. */
    private int count;
    /** True once closed. Written under lock (release); read racily (acquire) by the non-blocking fast paths. */
    private boolean closed;
    /**
     * Waiting receives and sends, FIFO; the shared empty {@link SudogQueue#NONE} until the first operation waits
     * (most channels of timers and contexts never have a waiter). Guarded by lock; replaced once, by a release
     * write, and read racily (acquire) by the fast paths.
     */
    private SudogQueue receivers = SudogQueue.NONE;
    private SudogQueue senders = SudogQueue.NONE;

    Channel(int capacity, T zero, ChannelTimer timer) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new RuntimeError("makechan: size out of range");
        }
        this.capacity = capacity;
        this.zero = zero;
        this.timer = timer;
        this.buffer = capacity == 0 ? null : new Object[capacity];
        this.bubble = Bubble.current();
    }

    /** Go's {@code make(chan T, capacity)}: a channel users may send on, receive from and close. */
    public static <T> SendReceiveChannel<T> make(int capacity, T zero) {
        return new SendReceiveChannel<>(capacity, zero);
    }

    /** The nil channel. */
    @SuppressWarnings("unchecked")
    public static <T> SendReceiveChannel<T> nil() {
        return (SendReceiveChannel<T>) SendReceiveChannel.NIL;
    }

    /**
     * A channel that users may only receive from, with a buffer of {@code capacity}; go4j sends on it and closes it
     * (a context's done channel, {@code Chan.fromStage}).
     */
    public static <T> ReceiveOnlyChannel<T> receiveOnly(int capacity) {
        return new ReceiveOnlyChannel<>(capacity, null);
    }

    /** The channel of a timer or ticker: one hidden buffer slot, fed by {@code timer}. */
    public static <T> ReceiveOnlyChannel<T> timerChannel(ChannelTimer timer) {
        return new ReceiveOnlyChannel<>(1, timer);
    }

    // ---- The public operations (Chan, SendChan, ReceiveChan), one implementation for every channel. ----

    /** Go's {@code ch <- v}; see {@link dev.go4j.SendChan#send}. */
    public final void send(T value) {
        if (isNil()) {
            throw Park.parkForever(WaitReason.CHAN_SEND_NIL_CHAN, this);
        }
        send(value, Deadline.NEVER);
    }

    /** Go's {@code select { case ch <- v: … default: }}. */
    public final boolean trySend(T value) {
        return !isNil() && send(value, Deadline.NOW);
    }

    /** Go's {@code <-ch}. */
    @SuppressWarnings("unchecked")
    public final T receive() {
        if (isNil()) {
            throw Park.parkForever(WaitReason.CHAN_RECEIVE_NIL_CHAN, this);
        }
        return receive(Deadline.NEVER, (ReceiveOutcome<T, T>) (ReceiveOutcome<?, ?>) Outcomes.VALUE);
    }

    /** Go's {@code v, ok := <-ch}. */
    @SuppressWarnings("unchecked")
    public final Received<T> receiveOk() {
        if (isNil()) {
            throw Park.parkForever(WaitReason.CHAN_RECEIVE_NIL_CHAN, this);
        }
        return receive(Deadline.NEVER, (ReceiveOutcome<T, Received<T>>) (ReceiveOutcome<?, ?>) Outcomes.RECEIVED);
    }

    /** Go's {@code select { case v, ok := <-ch: … default: }}. */
    @SuppressWarnings("unchecked")
    public final TryReceive<T> tryReceive() {
        if (isNil()) {
            return (TryReceive<T>) Outcomes.WOULD_BLOCK;
        }
        return receive(Deadline.NOW, (ReceiveOutcome<T, TryReceive<T>>) (ReceiveOutcome<?, ?>) Outcomes.TRY);
    }

    /** Go's {@code len(ch)}: a snapshot; 0 for a timer channel. */
    public final int len() {
        return timer != null ? 0 : (int) COUNT.getAcquire(this);
    }

    /** Go's {@code cap(ch)}; 0 for a timer channel. */
    public final int cap() {
        return timer != null ? 0 : capacity;
    }

    /** Go's {@code ch == nil}. */
    public final boolean isNil() {
        return this == SendReceiveChannel.NIL;
    }

    /**
     * Closes the channel: buffered elements still drain, then receives return the zero value at once; every
     * waiting receiver wakes with the zero value and every waiting sender with {@code send on closed channel}.
     *
     * @throws RuntimeError {@code close of closed channel}, or {@code close of nil channel}
     */
    public final void close() {
        if (isNil()) {
            throw new RuntimeError("close of nil channel");
        }
        if (bubble != null) {
            checkBubble("close of");
            Bubble.point("chan close", this);
        }
        var woken = new WakeList();
        int receiversWoken;
        int sendersWoken;
        int buffered;
        lock.lock();
        try {
            if (closed) {
                throw new RuntimeError("close of closed channel");
            }
            CLOSED.setRelease(this, true);
            receiversWoken = releaseAll(receivers, woken);
            sendersWoken = releaseAll(senders, woken);
            buffered = count;
        } finally {
            lock.unlock();
        }
        woken.wakeAll();
        if (Jfr.on()) {
            Jfr.channelClosed(debugName(), identity(), capacity, buffered, receiversWoken, sendersWoken);
        }
    }

    @Override
    public String toString() {
        if (isNil()) {
            return "chan(nil)";
        }
        String debugName = debugName();
        return (debugName != null ? "chan \"" + debugName + "\"" : identity()) + "[len=" + len() + ", cap=" + cap()
                + "]";
    }

    /** The channel's identity as toString() shows an unnamed channel: {@code chan@} and its identity hash. */
    private String identity() {
        return "chan@" + Integer.toHexString(System.identityHashCode(this));
    }

    @Override
    public final String debugName() {
        return (String) NAME.getOpaque(this);
    }

    /**
     * Gives this channel its debug name, once.
     *
     * @throws NullPointerException if {@code debugName} is null
     * @throws IllegalArgumentException if it is blank
     * @throws IllegalStateException if this is the nil channel or has a name already
     */
    final void setDebugName(String debugName) {
        if (debugName.isBlank()) {
            throw new IllegalArgumentException("a channel's debug name must not be blank");
        }
        if (isNil()) {
            throw new IllegalStateException("the nil channel cannot be named");
        }
        if (!NAME.compareAndSet(this, null, debugName)) {
            throw new IllegalStateException("channel already named \"" + debugName() + "\"");
        }
    }

    // ---- The core routines behind them, also used by go4j's internals. ----

    /**
     * Sends {@code value}, waiting at most until {@code deadline}.
     *
     * @return true if sent; false if {@code deadline} passed (at once for {@link Deadline#NOW}) before it could
     * @throws RuntimeError {@code send on closed channel}
     * @throws dev.go4j.Interrupted if the thread is interrupted while it must wait (the element is then not sent)
     */
    public final boolean send(T value, Deadline deadline) {
        if (bubble != null) {
            checkBubble("send on");
            Bubble.point("chan send", this);
        }
        if (deadline.isNow() && !maySend()) {
            // Go's lock-free fast path: "not closed" then "not ready", each a single read. A closed channel
            // never becomes "not ready" again, so there was a moment when it was open and not ready: the
            // non-blocking send is linearised there and fails, without touching the lock.
            return false;
        }
        lock.lock();
        Poll poll = pollSend(value);
        if (poll != Poll.NOT_READY) {
            completeSend(poll, this);
            return true;
        }
        Sudog waiting = enqueueUnlessGivingUp(true, value, deadline);
        if (waiting == null) {
            return false;
        }
        if (waiting.await(WaitReason.CHAN_SEND, this, deadline, true) == null) {
            return false;
        }
        if (!waiting.success) {
            throw sendOnClosed();
        }
        return true;
    }

    /**
     * Receives a value, waiting at most until {@code deadline}, reporting through {@code outcome}
     * ({@link ReceiveOutcome#wouldBlock()} if the deadline passed first).
     *
     * @throws dev.go4j.Interrupted if the thread is interrupted while it must wait (nothing is then received)
     */
    @SuppressWarnings("unchecked")
    public final <R> R receive(Deadline deadline, ReceiveOutcome<? super T, R> outcome) {
        if (bubble != null) {
            checkBubble("receive on");
            Bubble.point("chan receive", this);
        }
        if (timer != null) {
            timer.maybeRun();
        }
        if (deadline.isNow() && empty()) {
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
        lock.lock();
        Poll poll = pollReceive();
        if (poll != Poll.NOT_READY) {
            Object elem = completeReceive(poll, this);
            return poll == Poll.CLOSED ? outcome.closed(zero) : outcome.value((T) elem);
        }
        Sudog waiting = enqueueUnlessGivingUp(false, null, deadline);
        if (waiting == null) {
            return outcome.wouldBlock();
        }
        blocked();
        Object token;
        try {
            token = waiting.await(WaitReason.CHAN_RECEIVE, this, deadline, true);
        } finally {
            unblocked();
        }
        if (token == null) {
            return outcome.wouldBlock();
        }
        return waiting.success ? outcome.value((T) waiting.elem) : outcome.closed(zero);
    }

    /** The synctest bubble this channel was made in, or null. */
    final Bubble bubble() {
        return bubble;
    }

    /**
     * Go's fatal error for an operation on a bubble's channel from outside that bubble ({@code send on synctest
     * channel from outside bubble}); {@code operation} is "send on", "receive on", "close of" or "select on".
     */
    final void checkBubble(String operation) {
        if (Bubble.current() != bubble) {
            throw Program.fatal(operation + " synctest channel from outside bubble");
        }
    }

    /** The zero value given at creation. */
    final T zero() {
        return zero;
    }

    /**
     * Discards every buffered element (a timer's stop or reset: no value of the earlier setting may be received
     * afterwards).
     *
     * @return how many elements were discarded
     */
    public final int drain() {
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

    /**
     * The real number of buffered elements, even for a timer channel, as an operation would find it (a due timer
     * delivers first): a probe for tests.
     */
    final int buffered() {
        beforePoll();
        return (int) COUNT.getAcquire(this);
    }

    /** How many sudogs are queued, live or dead: a probe for the no-leak tests. */
    public final int queuedWaiters() {
        lock.lock();
        try {
            return receivers.size() + senders.size();
        } finally {
            lock.unlock();
        }
    }

    /** Racy "a send might proceed": false means there was a moment since the call when it could not. */
    final boolean maySend() {
        return (boolean) CLOSED.getAcquire(this) || !full();
    }

    /** Racy "a receive might proceed", in the same sense as maySend(). */
    final boolean mayReceive() {
        return !empty() || (boolean) CLOSED.getAcquire(this);
    }

    /** Racy "a send would have to wait" for the fast path; may say false wrongly, never true wrongly while open. */
    private boolean full() {
        return capacity == 0 ? !((SudogQueue) RECEIVERS.getAcquire(this)).mayHaveWaiters()
                : (int) COUNT.getAcquire(this) == capacity;
    }

    /** Racy "a receive would have to wait" for the fast path, in the same sense as full(). */
    private boolean empty() {
        return capacity == 0 ? !((SudogQueue) SENDERS.getAcquire(this)).mayHaveWaiters()
                : (int) COUNT.getAcquire(this) == 0;
    }

    // ---- Locked steps shared with Selection. The caller holds `lock`. ----

    /** The poll of a send; see the notes. On PEER the value is in the claimed receiver's sudog. */
    final Poll pollSend(Object value) {
        if (closed) {
            return Poll.CLOSED;
        }
        Sudog receiver;
        while ((receiver = receivers.peek()) != null) {
            receiver.elem = value;
            receiver.success = true;
            if (receiver.waiter.claim(receiver)) {
                return Poll.PEER;
            }
            receiver.elem = null;
            receivers.unlink(receiver); // its waiter was cancelled or won elsewhere
        }
        if (count < capacity) {
            buffer[(head + count) % capacity] = value;
            COUNT.setRelease(this, count + 1);
            return Poll.BUFFER;
        }
        return Poll.NOT_READY;
    }

    /**
     * Completes a send that {@link #pollSend} found ready: releases the locks through {@code unlocker}, wakes the
     * receiver; for CLOSED throws {@code send on closed channel} after releasing.
     */
    final void completeSend(Poll poll, Unlocker unlocker) {
        Sudog peer = poll == Poll.PEER ? receivers.poll() : null;
        unlocker.unlockAll();
        if (poll == Poll.CLOSED) {
            throw sendOnClosed();
        }
        if (peer != null) {
            peer.waiter.wake();
        }
    }

    /** The poll of a receive; see the notes. */
    final Poll pollReceive() {
        if (closed && count == 0) {
            return Poll.CLOSED;
        }
        Sudog sender;
        while ((sender = senders.peek()) != null) {
            sender.success = true;
            if (sender.waiter.claim(sender)) {
                return Poll.PEER;
            }
            senders.unlink(sender);
        }
        return count > 0 ? Poll.BUFFER : Poll.NOT_READY;
    }

    /**
     * Completes a receive that {@link #pollReceive} found ready: takes the element (the zero value for CLOSED),
     * releases the locks through {@code unlocker} and wakes the sender.
     *
     * @return the element received
     */
    final Object completeReceive(Poll poll, Unlocker unlocker) {
        Object elem;
        Sudog peer = null;
        switch (poll) {
            case PEER -> {
                peer = senders.poll();
                if (capacity == 0) {
                    elem = peer.elem;
                } else {
                    elem = buffer[head]; // the buffer is full: the sender's element goes behind the rest
                    buffer[head] = peer.elem;
                    head = (head + 1) % capacity;
                }
                peer.elem = null;
            }
            case BUFFER -> {
                elem = buffer[head];
                buffer[head] = null;
                head = (head + 1) % capacity;
                COUNT.setRelease(this, count - 1);
            }
            case CLOSED -> elem = zero;
            default -> throw new IllegalStateException("nothing to receive: " + poll);
        }
        unlocker.unlockAll();
        if (peer != null) {
            peer.waiter.wake();
        }
        return elem;
    }

    /** Links a waiting operation into the queue of its direction. The caller holds the lock. */
    final void enqueue(Sudog sudog) {
        if (sudog.send) {
            if (senders == SudogQueue.NONE) {
                SENDERS.setRelease(this, new SudogQueue());
            }
            senders.enqueue(sudog);
        } else {
            if (receivers == SudogQueue.NONE) {
                RECEIVERS.setRelease(this, new SudogQueue());
            }
            receivers.enqueue(sudog);
        }
    }

    /** Unlinks a sudog whose waiter was cancelled, taking the lock. */
    final void withdraw(Sudog sudog) {
        lock.lock();
        try {
            if (sudog.queued) {
                (sudog.send ? senders : receivers).unlink(sudog);
            }
            sudog.elem = null;
        } finally {
            lock.unlock();
        }
    }

    /** This channel's own lock as a select's unlocker: a plain operation holds only it. */
    @Override
    public final void unlockAll() {
        lock.unlock();
    }

    /** Before a select polls: lets a due timer deliver, as every receive does. */
    final void beforePoll() {
        if (timer != null) {
            timer.maybeRun();
        }
    }

    /** After a goroutine has queued on this channel and released its lock, before it parks. */
    final void blocked() {
        if (timer != null) {
            timer.blocked();
        }
    }

    /** After a goroutine that was {@link #blocked()} here woke (or gave up). */
    final void unblocked() {
        if (timer != null) {
            timer.unblocked();
        }
    }

    // ---- Helpers for the plain operations. ----

    /**
     * For an operation that is not ready, the lock held: unless {@code deadline} is NOW or the thread is
     * interrupted, enqueues a sudog for it; releases the lock either way.
     *
     * @return the queued sudog, or null for NOW
     * @throws dev.go4j.Interrupted if the thread is interrupted (nothing queued)
     */
    private Sudog enqueueUnlessGivingUp(boolean send, Object elem, Deadline deadline) {
        Sudog sudog = null;
        boolean interrupted = false;
        if (!deadline.isNow()) {
            interrupted = Thread.interrupted();
            if (!interrupted) {
                sudog = new Sudog(this, send, elem);
                enqueue(sudog);
            }
        }
        lock.unlock();
        if (interrupted) {
            throw Park.interrupted();
        }
        return sudog;
    }

    /**
     * Claims every live sudog of {@code queue} as woken by close, appending them to {@code woken}; returns how many
     * it claimed.
     */
    private static int releaseAll(SudogQueue queue, WakeList woken) {
        int claimed = 0;
        Sudog sudog;
        while ((sudog = queue.poll()) != null) {
            sudog.success = false;
            if (sudog.waiter.claim(sudog)) {
                woken.append(sudog);
                claimed++;
            }
        }
        return claimed;
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
                sudog.waiter.wake();
                sudog = next;
            }
        }
    }

    static RuntimeError sendOnClosed() {
        return new RuntimeError("send on closed channel");
    }

    /** The ways a receive reports, shared by all channels (they hold no state). */
    private static final class Outcomes {
        static final TryReceive<?> WOULD_BLOCK = new TryReceive.WouldBlock<>();
        static final TryReceive<?> CLOSED = new TryReceive.Closed<>();

        static final ReceiveOutcome<Object, Object> VALUE = new Blocking<>() {
            @Override
            public Object value(Object value) {
                return value;
            }

            @Override
            public Object closed(Object zero) {
                return zero;
            }
        };

        static final ReceiveOutcome<Object, Received<Object>> RECEIVED = new Blocking<>() {
            @Override
            public Received<Object> value(Object value) {
                return new Received<>(value, true);
            }

            @Override
            public Received<Object> closed(Object zero) {
                return new Received<>(zero, false);
            }
        };

        @SuppressWarnings("unchecked")
        static final ReceiveOutcome<Object, TryReceive<Object>> TRY = new ReceiveOutcome<>() {
            @Override
            public TryReceive<Object> value(Object value) {
                return new TryReceive.Value<>(value);
            }

            @Override
            public TryReceive<Object> closed(Object zero) {
                return (TryReceive<Object>) CLOSED;
            }

            @Override
            public TryReceive<Object> wouldBlock() {
                return (TryReceive<Object>) WOULD_BLOCK;
            }
        };

        /** The outcome of a receive that waits without a deadline, which cannot end without a value. */
        private abstract static class Blocking<R> implements ReceiveOutcome<Object, R> {
            @Override
            public final R wouldBlock() {
                throw new AssertionError("a receive without a deadline cannot report would-block");
            }
        }
    }

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNT = lookup.findVarHandle(Channel.class, "count", int.class);
            CLOSED = lookup.findVarHandle(Channel.class, "closed", boolean.class);
            RECEIVERS = lookup.findVarHandle(Channel.class, "receivers", SudogQueue.class);
            SENDERS = lookup.findVarHandle(Channel.class, "senders", SudogQueue.class);
            NAME = lookup.findVarHandle(Channel.class, "name", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
