package dev.go4j.internal.chan;

import dev.go4j.WaitReason;
import dev.go4j.internal.chan.CaseReader.Kind;
import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.park.Blocker;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.park.Park;
import dev.go4j.internal.park.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/*
 * Implementation notes.
 *
 * Go's select (runtime/select.go, selectgo) on the channel core's locked steps - the same pollSend/pollReceive,
 * completeSend/completeReceive, enqueue and withdraw that plain channel operations use, so a select case behaves
 * exactly like the operation it names.
 *
 *   pass 0  Check the cases (one default at most; a bubble's channels only from inside it) and list the cases
 *           with a (non-nil) channel.
 *   pass 1  One lock at a time. Visit the cases in a random order drawn step by step (a Fisher-Yates step per
 *           case visited, with the thread's own ThreadLocalRandom: no shared generator): let a timer channel
 *           deliver if it is due (Go's maybeRunChan), then ask the channel's racy reads whether the case may
 *           proceed (Channel.maySend/mayReceive, the reads of the non-blocking fast paths); if it may, lock that
 *           channel alone, poll, and if the poll agrees complete the case right there. The first case completed
 *           wins. Why this is Go's select: the order is a uniformly random permutation, so when a set of cases is
 *           ready the first of them in it is each one with equal probability (Go's fairness), and each completed
 *           case could proceed when it was performed, under its lock, so whatever races with the select, its
 *           outcome is one a locked select could have had. A "not ready" read is never trusted to block or to
 *           choose the default: that is pass 2's. A case is completed only under its channel's lock, as a plain
 *           operation is, so nothing moves twice.
 *   pass 2  Nothing completed: lock every channel in lock order (the distinct channels sorted by id) and poll
 *           the cases again, in the order pass 1 drew. Because all locks are held, "no case is ready" is one
 *           atomic snapshot; a case that became ready since pass 1 is completed here, releasing all locks.
 *           Nothing ready: the default case, if any, is chosen; a select that may not wait (Deadline.NOW) gives
 *           up. Every timer channel was polled in pass 1; one that falls due later is the heap's to deliver,
 *           since the select counts itself on each channel before it parks (Channel.blocked).
 *   pass 3  Unless interrupted, link one sudog per case, all sharing this Selection as their Waiter, into the
 *           channels' queues; unlock all; park (Waiter.await, with the deadline). Since every case was polled
 *           before any sudog was linked, a select never meets its own sudogs: it cannot match its own send with
 *           its own receive.
 *   pass 4  Woken: the claim token is the winning sudog (a peer on that channel performed the operation and
 *           wrote the element or the closed flag before claiming). Every other sudog is withdrawn, locking its
 *           channel alone: wakers that meet a loser first fail to claim it and drop it themselves. On a deadline
 *           or an interrupt the waiter cancels itself (and withdrawn() unlinks every sudog); if that cancel fails,
 *           a claim won the race and the select completes normally (the match wins). Either way, when select
 *           returns, none of its sudogs is queued.
 *   fire    The chosen case's body runs last, after every lock is released and every sudog withdrawn, so it may
 *           block, select again or throw. What it returns is what the select returns (the reader decides: a
 *           value-returning select's result, or true for a callback select); a select that gives up at its
 *           deadline returns the reader's timedOut instead. The result travels up the stack as a return value,
 *           so the value form allocates nothing the callback form does not.
 *
 * Exactly one case fires: a case fires only by this thread's own poll in pass 1 or 2 (under the channel's lock,
 * before any sudog exists) or by a peer's successful claim of the single Waiter, which can succeed once.
 *
 * Deadlock freedom: pass 1 holds one channel lock, as a plain operation does, and takes a timer's lock only while
 * holding none; pass 2 and pass 3 hold several channel locks, always acquired in increasing id order; nobody
 * waits for a lock while parked.
 *
 * Difference from selectgo: Go locks every channel of the select before it polls any; pass 1 first tries the
 * cases one lock at a time, so a select with a ready case takes one lock instead of one per channel and sorts
 * nothing, and a busy channel whose case is not ready costs it no lock hand-off.
 *
 * One object per select: this Selection is the select's state (cases, orders, sudogs), the Unlocker of its
 * locks, the Waiter its sudogs share, and the Blocker the parked goroutine records, so awaitBlocked(channel, …)
 * finds it on each of its channels and JDK thread dumps name it. Sorting the lock order is an insertion sort: the
 * number of cases is written in source code and is small.
 */

/** Go's {@code selectgo}; see the implementation notes. */
public final class Selection<C, R> extends Waiter implements Unlocker, Blocker {
    /** What {@link #perform} returns for a case that cannot proceed. */
    private static final Object NOT_READY = new Object();
    /** The most cases whose orders fit into the two packed words (2 x 16 slots of four bits). */
    private static final int PACKED_CASES = 16;

    private final C[] cases;
    private final CaseReader<C, R> reader;
    /**
     * Case indices, slots [0, live) the poll order and [live, live + distinct) the lock order; packed four bits a
     * slot into {@code packedLow} (slots 0-15) and {@code packedHigh} (16-31) when there are at most 16 cases, so
     * a usual select allocates no array; else in {@code order}. The poll order is final after pass 1, the lock
     * order once pass 2 has sorted it.
     */
    private final int[] order;
    private long packedLow;
    private long packedHigh;
    /** Cases with a (non-nil) channel, final after pass 0; distinct channels among them, counted in pass 2. */
    private int live;
    private int distinct;
    /** One sudog per case with a channel, indexed like {@code cases}; made in pass 2. */
    private Sudog[] sudogs;

    private Selection(C[] cases, CaseReader<C, R> reader) {
        this.cases = cases;
        this.reader = reader;
        this.order = cases.length <= PACKED_CASES ? null : new int[2 * cases.length];
    }

    /**
     * Performs one ready case of {@code cases} and runs it ({@link CaseReader#fire}); waits for one until
     * {@code deadline} if none is ready and there is no default case. With no case that has a channel and no
     * default, waits until the deadline (forever for {@link Deadline#NEVER}).
     *
     * @return what the chosen case's {@link CaseReader#fire} returned; {@link CaseReader#timedOut}'s result if the
     *     deadline passed first
     * @throws dev.go4j.RuntimeError {@code send on closed channel} if a chosen send case's channel is closed
     * @throws dev.go4j.Interrupted if interrupted while it must wait
     * @throws IllegalArgumentException if there is more than one default case
     */
    public static <C, R> R select(C[] cases, CaseReader<C, R> reader, Deadline deadline) {
        return new Selection<>(cases, reader).run(deadline);
    }

    @SuppressWarnings("unchecked") // a fired case's result, which is R unless it is NOT_READY
    private R run(Deadline deadline) {
        Bubble.point("select", null);
        int defaultCase = planPollOrder();
        Object fired = pollEach();
        if (fired != NOT_READY) {
            return (R) fired;
        }
        planLockOrder();
        lockAll();
        for (int i = 0; i < live; i++) {
            C c = cases[slot(i)];
            fired = perform(c, reader.channel(c), reader.kind(c) == Kind.SEND, this);
            if (fired != NOT_READY) {
                return (R) fired;
            }
        }
        if (defaultCase >= 0 || deadline.isNow()) {
            unlockAll();
            return defaultCase >= 0 ? reader.fire(cases[defaultCase], null, true) : reader.timedOut(cases);
        }
        if (Thread.interrupted()) {
            unlockAll();
            throw Park.interrupted();
        }
        enqueueAll();
        unlockAll();
        return awaitAndFire(deadline);
    }

    /**
     * Pass 0: checks every case and makes the cases with a (non-nil) channel, in case order, the poll order to be
     * shuffled; returns the index of the default case, or -1.
     */
    private int planPollOrder() {
        int defaultCase = -1;
        for (int i = 0; i < cases.length; i++) {
            C c = cases[i];
            if (reader.kind(c) == Kind.DEFAULT) {
                if (defaultCase >= 0) {
                    throw new IllegalArgumentException("select: multiple defaults");
                }
                defaultCase = i;
                continue;
            }
            Channel<?> channel = reader.channel(c);
            if (channel != null && !channel.isNil()) {
                if (channel.bubble() != null) {
                    channel.checkBubble("select on");
                }
                setSlot(live++, i);
            }
        }
        return defaultCase;
    }

    /**
     * Pass 1: visits the cases in a random order drawn step by step (one Fisher-Yates step per case visited), lets
     * a timer channel deliver if it is due, and tries a case whose channel's racy reads say it may proceed under
     * that channel's lock alone. Returns what the first case that proceeded fired, or NOT_READY once every case
     * was visited, leaving the whole shuffled order as the poll order of pass 2.
     */
    private Object pollEach() {
        RandomGenerator bubbleRandom = Bubble.currentRandom(); // an exploring bubble's seeded choices
        RandomGenerator random = bubbleRandom != null ? bubbleRandom : ThreadLocalRandom.current();
        long packed = packedLow;
        for (int k = 0; k < live; k++) {
            int j = k < live - 1 ? k + random.nextInt(live - k) : k;
            int index;
            if (order == null) { // swap slots k and j of the packed word
                long swapped = ((packed >>> (4 * k)) ^ (packed >>> (4 * j))) & 0xF;
                packed ^= (swapped << (4 * k)) | (swapped << (4 * j));
                index = (int) (packed >>> (4 * k)) & 0xF;
            } else {
                index = order[j];
                order[j] = order[k];
                order[k] = index;
            }
            C c = cases[index];
            Channel<?> channel = reader.channel(c);
            boolean send = reader.kind(c) == Kind.SEND;
            if (!send) {
                channel.beforePoll();
            }
            if (send ? channel.maySend() : channel.mayReceive()) {
                channel.lock.lock();
                Object fired = perform(c, channel, send, channel);
                if (fired != NOT_READY) {
                    return fired;
                }
                channel.lock.unlock();
            }
        }
        packedLow = packed;
        return NOT_READY;
    }

    /**
     * Polls case {@code c} on {@code channel}, whose lock (and in pass 2 every lock of the select) is held; if it
     * can proceed, completes it, which releases the locks through {@code unlocker}, and fires it.
     *
     * @return what the case fired, or NOT_READY (the locks still held)
     */
    private Object perform(C c, Channel<?> channel, boolean send, Unlocker unlocker) {
        if (send) {
            Poll poll = channel.pollSend(reader.value(c));
            if (poll != Poll.NOT_READY) {
                channel.completeSend(poll, unlocker); // throws for a closed channel, after unlocking
                return reader.fire(c, null, true);
            }
        } else {
            Poll poll = channel.pollReceive();
            if (poll != Poll.NOT_READY) {
                Object elem = channel.completeReceive(poll, unlocker);
                return reader.fire(c, elem, poll != Poll.CLOSED);
            }
        }
        return NOT_READY;
    }

    /** Before pass 2: the lock order, the distinct channels sorted by id, in the slots after the poll order. */
    private void planLockOrder() {
        for (int i = 0; i < live; i++) {
            int index = slot(i);
            long id = reader.channel(cases[index]).id;
            int at = live + distinct;
            while (at > live && reader.channel(cases[slot(at - 1)]).id > id) {
                setSlot(at, slot(at - 1));
                at--;
            }
            if (at == live || reader.channel(cases[slot(at - 1)]).id != id) {
                setSlot(at, index);
                distinct++;
            } else {
                for (int k = at; k < live + distinct; k++) { // a channel seen already: close the gap again
                    setSlot(k, slot(k + 1));
                }
            }
        }
    }

    private int slot(int k) {
        if (order != null) {
            return order[k];
        }
        long word = k < PACKED_CASES ? packedLow : packedHigh;
        return (int) (word >>> (4 * (k % PACKED_CASES))) & 0xF;
    }

    private void setSlot(int k, int index) {
        if (order != null) {
            order[k] = index;
            return;
        }
        int shift = 4 * (k % PACKED_CASES);
        long mask = ~(0xFL << shift);
        long bits = (long) index << shift;
        if (k < PACKED_CASES) {
            packedLow = (packedLow & mask) | bits;
        } else {
            packedHigh = (packedHigh & mask) | bits;
        }
    }

    private Channel<?> lockOrderChannel(int k) {
        return reader.channel(cases[slot(live + k)]);
    }

    private void lockAll() {
        for (int k = 0; k < distinct; k++) {
            lockOrderChannel(k).lock.lock();
        }
    }

    /** Releases every channel lock, in reverse lock order. */
    @Override
    public void unlockAll() {
        for (int k = distinct - 1; k >= 0; k--) {
            lockOrderChannel(k).lock.unlock();
        }
    }

    /** Pass 3, under all locks: one sudog per case with a channel, all sharing this waiter. */
    private void enqueueAll() {
        sudogs = new Sudog[cases.length];
        for (int i = 0; i < live; i++) {
            int index = slot(i);
            C c = cases[index];
            boolean send = reader.kind(c) == Kind.SEND;
            Sudog sudog = new Sudog(this, reader.channel(c), index, send, send ? reader.value(c) : null);
            sudogs[index] = sudog;
            sudog.channel.enqueue(sudog);
        }
    }

    /** Parks (pass 3), then withdraws the losers and runs the winner (pass 4), or gives up at the deadline. */
    private R awaitAndFire(Deadline deadline) {
        WaitReason reason = cases.length == 0 ? WaitReason.SELECT_NO_CASES : WaitReason.SELECT;
        for (int k = 0; k < distinct; k++) {
            lockOrderChannel(k).blocked();
        }
        Object token;
        try {
            token = await(reason, this, deadline, true); // withdraws every sudog if it gives up
        } finally {
            for (int k = 0; k < distinct; k++) {
                lockOrderChannel(k).unblocked();
            }
        }
        if (token == null) {
            return reader.timedOut(cases);
        }
        Sudog winner = (Sudog) token;
        withdrawAllBut(winner);
        C c = cases[winner.caseIndex];
        if (winner.send) {
            if (!winner.success) {
                throw Channel.sendOnClosed();
            }
            return reader.fire(c, null, true);
        }
        return reader.fire(c, winner.success ? winner.elem : winner.channel.zero(), winner.success);
    }

    /** The select gave up (deadline or interrupt): no sudog may stay queued. */
    @Override
    protected void withdrawn() {
        withdrawAllBut(null);
    }

    private void withdrawAllBut(Sudog winner) {
        for (Sudog sudog : sudogs) {
            if (sudog != null && sudog != winner) {
                sudog.channel.withdraw(sudog);
            }
        }
    }

    @Override
    public boolean waitsOn(Object primitive) {
        for (int i = 0; i < live; i++) {
            if (reader.channel(cases[slot(i)]) == primitive) {
                return true;
            }
        }
        return false;
    }

    /** A select waits durably in a bubble only if every channel it waits on was made in that bubble (Go's rule). */
    @Override
    protected boolean durableIn(Bubble bubble) {
        for (int i = 0; i < live; i++) {
            if (reader.channel(cases[slot(i)]).bubble() != bubble) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<String> debugNames() {
        List<String> names = new ArrayList<>();
        for (C c : cases) {
            Channel<?> channel = reader.kind(c) == Kind.DEFAULT ? null : reader.channel(c);
            String name = channel == null ? null : channel.debugName();
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The select's channels in the order of its cases, for dumps and messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("select on");
        String separator = " ";
        for (C c : cases) {
            Channel<?> channel = reader.kind(c) == Kind.DEFAULT ? null : reader.channel(c);
            if (channel != null && !channel.isNil()) {
                text.append(separator).append(channel);
                separator = ", ";
            }
        }
        return separator.equals(" ") ? "select on no channel" : text.toString();
    }
}
