package dev.go4j.internal.chan;

import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.park.Waiter;

/**
 * One goroutine waiting in one operation on one channel (the Go runtime's {@code sudog}). A plain send or receive
 * has one; a select has one per case it waits on, all sharing the select's {@link Waiter}.
 *
 * <p>A plain operation's sudog is its own {@link Waiter} (one allocation per blocking operation instead of two:
 * go4j-bench PingPong's bytes/op), and withdraws itself from its channel when its wait is cancelled; a select's
 * sudogs point to the select's shared waiter and leave their own waiter state unused.
 *
 * <p>Field access: {@code prev}, {@code next}, {@code queued} and (while queued) {@code elem} and
 * {@code success} are guarded by the channel's lock. The waker writes {@code elem} (for a receive) and
 * {@code success} before it claims the waiter, which publishes them to the waiter (see {@link Waiter}); after
 * the claim only the waiter touches them, but for the waker of a receive, which takes the sender's
 * {@code elem} while it still holds the lock.
 */
final class Sudog extends Waiter {
    /** The waiting goroutine's slot, shared by all sudogs of one select. Final. */
    final Waiter waiter;
    /** The channel whose queue holds this sudog. Final. */
    final Channel<?> channel;
    /** Which case of the select this is; 0 for a plain operation. Final. */
    final int caseIndex;
    /** True for a send, false for a receive: which queue of {@code channel} holds it. Final. */
    final boolean send;
    /** The element to send (set by the sender before enqueueing), or the element received (set by the waker). */
    Object elem;
    /** Set by the waker: true if the element moved, false if the channel was closed. */
    boolean success;
    /** Queue links, guarded by the channel's lock. */
    Sudog prev;
    Sudog next;
    /** True while linked into a queue of {@code channel}; guarded by the channel's lock. */
    boolean queued;

    /** A plain operation's sudog, its own waiter. */
    Sudog(Channel<?> channel, boolean send, Object elem) {
        this.waiter = this;
        this.channel = channel;
        this.caseIndex = 0;
        this.send = send;
        this.elem = elem;
    }

    /** A select case's sudog, sharing the select's waiter. */
    Sudog(Waiter waiter, Channel<?> channel, int caseIndex, boolean send, Object elem) {
        this.waiter = waiter;
        this.channel = channel;
        this.caseIndex = caseIndex;
        this.send = send;
        this.elem = elem;
    }

    /** A plain operation waits durably in the bubble its channel was made in. */
    @Override
    protected boolean durableIn(Bubble bubble) {
        return channel.bubble() == bubble;
    }

    /** A plain operation gave up (interrupt or deadline): leave the channel's queue. */
    @Override
    protected void withdrawn() {
        channel.withdraw(this);
    }
}
