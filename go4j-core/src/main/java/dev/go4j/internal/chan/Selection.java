package dev.go4j.internal.chan;

import dev.go4j.Interrupted;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.Blocker;
import dev.go4j.internal.park.Park;
import dev.go4j.internal.park.Waiter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;

/*
 * Implementation notes.
 *
 * Go's select (runtime/select.go, selectgo) on the channel core's locked steps - the same pollSend/pollReceive/
 * enqueue/withdraw that plain channel operations use, so a select case behaves exactly like the operation it
 * names.
 *
 *   pass 0  Compute a random poll order over the non-nil cases (Fisher-Yates with the thread's own
 *           ThreadLocalRandom: no shared generator) and the lock order: the distinct channels sorted by id.
 *   pass 1  Lock every channel in lock order. Poll the cases in poll order; the first that can proceed is
 *           performed right there, under the locks, and wins. Because all locks are held, "which cases are ready"
 *           is one atomic snapshot, and choosing among them by a uniformly random poll order gives Go's fairness:
 *           each ready case is chosen with equal probability.
 *   pass 2  Nothing ready: without a default (non-blocking) and unless interrupted, link one sudog per case,
 *           all sharing one Waiter, into the channels' queues; unlock all; park. Since every case was polled
 *           before any sudog was linked, a select never meets its own sudogs: it cannot match its own send with
 *           its own receive.
 *   pass 3  Woken: the Waiter's claim token is the winning sudog (a peer on that channel performed the operation
 *           and wrote the element or the closed flag before claiming). Every other sudog is withdrawn, locking
 *           its channel alone: wakers that meet a loser first fail to claim it and drop it themselves. On timeout
 *           or interrupt the waiter cancels itself by CAS; if that CAS fails, a claim won the race and the select
 *           completes normally (the match wins). Either way, when select returns, none of its sudogs is queued.
 *
 * Exactly one case fires: a case fires only by this thread's own poll in pass 1 (under the locks, before any
 * sudog exists) or by a peer's successful claim of the single Waiter, which can succeed once.
 *
 * Deadlock freedom: pass 1 and pass 2 hold several channel locks, always acquired in increasing id order; plain
 * operations hold one lock; nobody waits for a lock while parked.
 */
public final class Selection {
    private static final Comparator<Channel<?>> LOCK_ORDER = Comparator.comparingLong(c -> c.id);

    private Selection() {
    }

    /** Which case fired, and for a receive case what it received. Written by select, read by its caller. */
    public static final class Outcome {
        /** Index of the case that fired. */
        public int index;
        /** The received element (the zero value if the channel was closed); null for a send case. */
        public Object value;
        /** For a receive case, false if the channel was closed; true for a send case. */
        public boolean ok;
        /** A peer claimed in pass 1, to wake once the locks are released. */
        Sudog peerToWake;

        void set(int index, Object value, boolean ok) {
            this.index = index;
            this.value = value;
            this.ok = ok;
        }
    }

    /**
     * Performs one case of {@code cases}.
     *
     * @param block false for a select with a default case: return -1 at once if no case is ready
     * @param timed whether {@code deadlineNanos} (on the clock) bounds the wait
     * @param out receives the index and, for a receive, the value and ok flag
     * @return the index of the case that fired, or -1 if none could proceed (not blocking, or timed out)
     * @throws dev.go4j.RuntimeError {@code send on closed channel} if a chosen send case's channel is closed
     * @throws Interrupted if interrupted while it must wait
     */
    public static int select(SelectCase[] cases, boolean block, boolean timed, long deadlineNanos, Outcome out) {
        return select(cases, block, timed, deadlineNanos, out, true);
    }

    /**
     * As {@link #select(SelectCase[], boolean, boolean, long, Outcome)}; {@code randomOrder == false} polls the
     * cases in listed order ("first ready wins"), which is unfair and exists only to show that the fairness test
     * catches it.
     */
    static int select(SelectCase[] cases, boolean block, boolean timed, long deadlineNanos, Outcome out,
            boolean randomOrder) {
        int[] pollOrder = pollOrder(cases, randomOrder);
        Channel<?>[] lockOrder = lockOrder(cases);
        lockAll(lockOrder);
        Sudog[] sudogs;
        Waiter waiter;
        try {
            for (int index : pollOrder) {
                if (tryCase(cases, index, out)) {
                    return index;
                }
            }
            if (!block) {
                return -1;
            }
            if (Thread.interrupted()) {
                throw Park.interrupted();
            }
            waiter = new SelectWaiter(cases);
            sudogs = enqueueAll(cases, waiter);
        } finally {
            unlockAll(lockOrder);
            wakePolledPeer(out);
        }
        WaitReason reason = cases.length == 0 ? WaitReason.SELECT_NO_CASES : WaitReason.SELECT;
        Object blocker = waiter;
        Object token;
        try {
            token = timed ? waiter.awaitUntil(reason, blocker, deadlineNanos) : waiter.await(reason, blocker, true);
        } catch (Interrupted e) {
            withdrawAll(sudogs, null);
            throw e;
        }
        Sudog winner = (Sudog) token;
        withdrawAll(sudogs, winner);
        if (winner == null) {
            return -1;
        }
        if (winner.send) {
            if (!winner.success) {
                throw Channel.sendOnClosed();
            }
            out.set(winner.caseIndex, null, true);
        } else {
            out.set(winner.caseIndex, winner.success ? winner.elem : winner.channel.zero(), winner.success);
        }
        return winner.caseIndex;
    }

    /**
     * Pass 1 for one case, all locks held: performs it if it can proceed. A peer it claimed is left in
     * {@code out.peerToWake} until the locks are released.
     */
    private static boolean tryCase(SelectCase[] cases, int index, Outcome out) {
        SelectCase c = cases[index];
        Channel<?> channel = c.channel();
        Poll poll = c.send() ? channel.pollSend(c.value()) : channel.pollReceive();
        if (poll == Poll.NOT_READY) {
            return false;
        }
        if (c.send() && poll == Poll.CLOSED) {
            throw Channel.sendOnClosed();
        }
        Object elem = c.send() ? null : channel.takePolledElem();
        out.peerToWake = channel.takePolledPeer();
        out.set(index, elem, poll == Poll.COMPLETED);
        return true;
    }

    /**
     * The waiter shared by a select's sudogs, which is also what the parked select records as its blocker: each
     * of its channels, as the public objects users hold (one object instead of two per blocking select).
     */
    private static final class SelectWaiter extends Waiter implements Blocker {
        private final SelectCase[] cases;

        SelectWaiter(SelectCase[] cases) {
            this.cases = cases;
        }

        @Override
        public boolean waitsOn(Object primitive) {
            for (SelectCase c : cases) {
                if (c.channel() != null && c.channel().owner == primitive) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "select on " + cases.length + " cases, " + super.toString();
        }
    }

    private static void wakePolledPeer(Outcome out) {
        Sudog peer = out.peerToWake;
        if (peer != null) {
            out.peerToWake = null;
            Channel.wake(peer);
        }
    }

    private static int[] pollOrder(SelectCase[] cases, boolean randomOrder) {
        int live = 0;
        int[] order = new int[cases.length];
        for (int i = 0; i < cases.length; i++) {
            if (cases[i].channel() != null) {
                order[live++] = i;
            }
        }
        if (randomOrder) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = live - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return live == order.length ? order : Arrays.copyOf(order, live);
    }

    private static Channel<?>[] lockOrder(SelectCase[] cases) {
        Channel<?>[] channels = new Channel<?>[cases.length];
        int n = 0;
        for (SelectCase c : cases) {
            if (c.channel() != null) {
                channels[n++] = c.channel();
            }
        }
        Arrays.sort(channels, 0, n, LOCK_ORDER);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || channels[distinct - 1] != channels[i]) {
                channels[distinct++] = channels[i];
            }
        }
        return distinct == channels.length ? channels : Arrays.copyOf(channels, distinct);
    }

    private static void lockAll(Channel<?>[] lockOrder) {
        for (Channel<?> channel : lockOrder) {
            channel.lock.lock();
        }
    }

    private static void unlockAll(Channel<?>[] lockOrder) {
        for (int i = lockOrder.length - 1; i >= 0; i--) {
            lockOrder[i].lock.unlock();
        }
    }

    private static Sudog[] enqueueAll(SelectCase[] cases, Waiter waiter) {
        Sudog[] sudogs = new Sudog[cases.length];
        for (int i = 0; i < cases.length; i++) {
            SelectCase c = cases[i];
            if (c.channel() != null) {
                sudogs[i] = new Sudog(waiter, c.channel(), i, c.send(), c.send() ? c.value() : null);
                c.channel().enqueue(sudogs[i]);
            }
        }
        return sudogs;
    }

    private static void withdrawAll(Sudog[] sudogs, Sudog winner) {
        for (Sudog sudog : sudogs) {
            if (sudog != null && sudog != winner) {
                sudog.channel.withdraw(sudog);
            }
        }
    }
}
