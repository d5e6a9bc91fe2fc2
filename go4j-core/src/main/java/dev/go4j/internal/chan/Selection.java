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
 *   pass 0  Let every timer channel deliver if it is due (Go's maybeRunChan), then compute a random poll order
 *           over the cases with a channel (Fisher-Yates with the thread's own ThreadLocalRandom: no shared
 *           generator) and the lock order: the distinct channels sorted by id.
 *   pass 1  Lock every channel in lock order. Poll the cases in poll order; the first that can proceed is
 *           completed right there, releasing all locks. Because all locks are held, "which cases are ready" is
 *           one atomic snapshot, and choosing among them by a uniformly random poll order gives Go's fairness:
 *           each ready case is chosen with equal probability. Nothing ready: the default case, if any, is chosen;
 *           a select that may not wait (Deadline.NOW) gives up.
 *   pass 2  Unless interrupted, link one sudog per case, all sharing this Selection as their Waiter, into the
 *           channels' queues; unlock all; park (Waiter.await, with the deadline). Since every case was polled
 *           before any sudog was linked, a select never meets its own sudogs: it cannot match its own send with
 *           its own receive.
 *   pass 3  Woken: the claim token is the winning sudog (a peer on that channel performed the operation and
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
 * Exactly one case fires: a case fires only by this thread's own poll in pass 1 (under the locks, before any
 * sudog exists) or by a peer's successful claim of the single Waiter, which can succeed once.
 *
 * Deadlock freedom: pass 1 and pass 2 hold several channel locks, always acquired in increasing id order; plain
 * operations hold one lock; nobody waits for a lock while parked.
 *
 * One object per select: this Selection is the select's state (cases, orders, sudogs), the Unlocker of its
 * locks, the Waiter its sudogs share, and the Blocker the parked goroutine records, so awaitBlocked(channel, …)
 * finds it on each of its channels and JDK thread dumps name it. Sorting the lock order is an insertion sort: the
 * number of cases is written in source code and is small.
 */

/** Go's {@code selectgo}; see the implementation notes. */
public final class Selection<C, R> extends Waiter implements Unlocker, Blocker {
    /** The most cases whose orders fit into the two packed words (2 x 16 slots of four bits). */
    private static final int PACKED_CASES = 16;

    private final C[] cases;
    private final CaseReader<C, R> reader;
    /**
     * Case indices, slots [0, live) the poll order and [live, live + distinct) the lock order; packed four bits a
     * slot into {@code packedLow} (slots 0-15) and {@code packedHigh} (16-31) when there are at most 16 cases, so
     * a usual select allocates no array; else in {@code order}. Final after pass 0.
     */
    private final int[] order;
    private long packedLow;
    private long packedHigh;
    /** Cases with a (non-nil) channel; distinct channels among them. Final after pass 0. */
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

    private R run(Deadline deadline) {
        Bubble.point("select", null);
        int defaultCase = planOrders();
        lockAll();
        for (int i = 0; i < live; i++) {
            int index = slot(i);
            C c = cases[index];
            Channel<?> channel = reader.channel(c);
            if (reader.kind(c) == Kind.SEND) {
                Poll poll = channel.pollSend(reader.value(c));
                if (poll != Poll.NOT_READY) {
                    channel.completeSend(poll, this); // unlocks all; throws for a closed channel
                    return reader.fire(c, null, true);
                }
            } else {
                Poll poll = channel.pollReceive();
                if (poll != Poll.NOT_READY) {
                    Object elem = channel.completeReceive(poll, this); // unlocks all
                    return reader.fire(c, elem, poll != Poll.CLOSED);
                }
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

    /** Pass 0: timers, poll order and lock order; returns the index of the default case, or -1. */
    private int planOrders() {
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
                channel.beforePoll();
                setSlot(live++, i);
            }
        }
        RandomGenerator bubbleRandom = Bubble.currentRandom(); // an exploring bubble's seeded choices
        RandomGenerator random = bubbleRandom != null ? bubbleRandom : ThreadLocalRandom.current();
        for (int i = live - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = slot(i);
            setSlot(i, slot(j));
            setSlot(j, swap);
        }
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
        return defaultCase;
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

    /** Pass 2, under all locks: one sudog per case with a channel, all sharing this waiter. */
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

    /** Pass 3: parks, withdraws the losers and runs the winning case, or gives up once the deadline passed. */
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
