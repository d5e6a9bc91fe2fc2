package dev.go4j.internal.context;

import dev.go4j.Empty;
import dev.go4j.ReceiveChan;
import dev.go4j.Task;
import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.internal.chan.Channel;
import dev.go4j.internal.chan.OnReceive;
import dev.go4j.internal.chan.Selection;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.clock.Deadline;
import dev.go4j.internal.park.Quiescence;
import dev.go4j.internal.runtime.Goroutine;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/*
 * Implementation notes.
 *
 * The context tree, after Go's context.go. Node kinds: EmptyContext (background, TODO), CancelNode (withCancel;
 * DeadlineNode adds a timer), ValueNode (withValue), DetachedContext (withoutCancel).
 *
 * Propagation. A cancellable child registers with its nearest cancellable go4j ancestor, found by walking up
 * through value nodes (never through a detached node: below withoutCancel nothing propagates). Registration and
 * the ancestor's cancellation are serialised by the ancestor's lock: either the child is registered before the
 * ancestor is cancelled (and is then cancelled with it), or it sees the ancestor cancelled and cancels itself at
 * once. Cancelling walks the subtree with an explicit work list, never recursion, so a 10 000-deep chain cannot
 * overflow a stack. Each node is cancelled once (its err goes from null to non-null under its lock). Callbacks
 * (afterFunc goroutines, interrupt hooks) run after all locks are released.
 *
 * Foreign parents. A parent not implemented by go4j may still be cancellable (its done() is not the nil
 * channel). As Go's parentCancelCtx, go4j first asks it for the value of CANCEL_NODE: a user's wrapper that
 * forwards value() and done() to a go4j context yields that context's cancel node, with the same done channel,
 * and the child registers there directly. Otherwise (a context of its own, or a wrapper with its own done
 * channel), as in Go, one goroutine per child waits in a select for the parent's done or the child's end, and
 * cancels the child with the parent's err and cause. cause() uses the same key, so it sees through wrappers.
 *
 * Leaks. Cancelling a child removes it from its ancestor's set and cancels its timer (the clock's scheduler drops
 * the entry at once), so a long-lived parent does not accumulate finished children.
 */
public final class Contexts {
    /** Go's context.Background(). */
    public static final Context BACKGROUND = new EmptyContext("context.Background");
    /** Go's context.TODO(). */
    public static final Context TODO = new EmptyContext("context.TODO");
    /**
     * Go's cancelCtxKey: a go4j cancel node answers a lookup of this key with itself, value and derived contexts
     * pass it on, withoutCancel answers null. Never handed out, so only go4j asks for it.
     */
    static final Context.Key<CancelNode> CANCEL_NODE = Context.key("cancelCtxKey");

    private Contexts() {
    }

    public static CancelContext withCancel(Context parent) {
        CancelNode node = new CancelNode(requireParent(parent));
        propagate(parent, node);
        return node;
    }

    public static CancelContext withTimeout(Context parent, Duration timeout, Throwable cause) {
        Objects.requireNonNull(timeout, "timeout");
        Clock clock = Clock.current();
        long nanos = clock.deadlineAfter(timeout);
        return withDeadline(parent, clock.now().plus(timeout), nanos, cause);
    }

    public static CancelContext withDeadline(Context parent, Instant deadline, Throwable cause) {
        Objects.requireNonNull(deadline, "deadline");
        Clock clock = Clock.current();
        Duration until = Duration.between(clock.now(), deadline);
        long nanos = until.isNegative() ? clock.nanoTime() : clock.deadlineAfter(until);
        return withDeadline(parent, deadline, nanos, cause);
    }

    private static CancelContext withDeadline(Context parent, Instant deadline, long deadlineNanos,
            Throwable cause) {
        requireParent(parent);
        Optional<Instant> inherited = parent.deadline();
        if (inherited.isPresent() && inherited.get().isBefore(deadline)) {
            return withCancel(parent); // the parent's earlier deadline governs
        }
        DeadlineNode node = new DeadlineNode(parent, deadline, cause);
        propagate(parent, node);
        node.arm(deadlineNanos);
        return node;
    }

    public static <T> Context withValue(Context parent, Context.Key<T> key, T value) {
        return new ValueNode(requireParent(parent), key, value);
    }

    public static Context withoutCancel(Context parent) {
        return new DetachedContext(requireParent(parent));
    }

    public static BooleanSupplier afterFunc(Context ctx, Task task) {
        Registration registration = new Registration(() -> Goroutine.start(task));
        propagate(Objects.requireNonNull(ctx, "ctx"), registration);
        return registration::stop;
    }

    /**
     * Runs {@code action} inline, in the cancelling thread, once {@code ctx} is done (at once if it already is);
     * for go4j primitives that must wake a parked goroutine without starting one. The action must be short and
     * must not block.
     *
     * @return stop: true if it prevented the action
     */
    public static BooleanSupplier onDone(Context ctx, Runnable action) {
        Registration registration = new Registration(action);
        propagate(Objects.requireNonNull(ctx, "ctx"), registration);
        return registration::stop;
    }

    /**
     * Go's Cause: the cause recorded by the nearest go4j cancel node, found through {@link #CANCEL_NODE} so that
     * a user's context that forwards {@code value} to a go4j context is seen through; else {@code ctx.err()}.
     */
    public static Throwable cause(Context ctx) {
        CancelNode node = nearestCancelNode(Objects.requireNonNull(ctx, "ctx"));
        if (node == null) {
            return ctx.err();
        }
        return node.cause();
    }

    /** Looks {@code key} up from {@code ctx} towards the root, iteratively. */
    @SuppressWarnings("unchecked")
    static <T> T lookup(Context ctx, Context.Key<T> key) {
        if (key == null) {
            return null;
        }
        Context c = ctx;
        while (true) {
            switch (c) {
                case ValueNode v -> {
                    if (v.key == key) {
                        return (T) v.value;
                    }
                    c = v.parent;
                }
                case CancelNode n -> {
                    if (key == CANCEL_NODE) {
                        return (T) n;
                    }
                    c = n.parent;
                }
                case DetachedContext d -> {
                    if (key == CANCEL_NODE) {
                        return null; // nothing above withoutCancel propagates, and it has no cause
                    }
                    c = d.parent;
                }
                case EmptyContext e -> {
                    return null;
                }
                default -> {
                    return c.value(key);
                }
            }
        }
    }

    public static <T> T interruptOnDone(Context ctx, Callable<T> call) throws Exception {
        Objects.requireNonNull(ctx, "ctx");
        CancellationException early = ctx.err();
        if (early != null) {
            throw fresh(early);
        }
        InterruptHook hook = new InterruptHook(Thread.currentThread());
        Registration registration = new Registration(hook);
        propagate(ctx, registration);
        T result;
        Quiescence.addExternalWaker(); // the interrupt may wake the call from anywhere: no deadlock report
        try {
            result = call.call();
        } catch (Exception | Error failure) {
            if (interruptedByUs(registration, hook)) {
                CancellationException error = fresh(ctx.err());
                error.initCause(failure);
                throw error;
            }
            throw failure;
        } finally {
            Quiescence.removeExternalWaker();
        }
        interruptedByUs(registration, hook); // a late interrupt of ours: the call finished anyway
        return result;
    }

    /**
     * Ends interruptOnDone's watch. If the hook was already claimed, waits until its interrupt has landed and
     * clears it, so that none arrives after the caller returns; returns whether that happened.
     */
    private static boolean interruptedByUs(Registration registration, InterruptHook hook) {
        if (registration.stop()) {
            return false;
        }
        hook.awaitDelivered();
        Thread.interrupted();
        return true;
    }

    /** A fresh stackless instance of the same context error, for throwing. */
    public static CancellationException fresh(CancellationException err) {
        return err instanceof Context.DeadlineExceeded ? new Context.DeadlineExceeded() : new Context.Canceled();
    }

    /**
     * Ties {@code child} to {@code parent}'s cancellation (Go's propagateCancel): nothing if the parent can never
     * be cancelled; at once if it already is; registration with the nearest go4j cancel node; else a watching
     * goroutine.
     */
    static void propagate(Context parent, Child child) {
        ReceiveChan<Empty> parentDone = parent.done();
        if (parentDone == null || parentDone.isNil()) {
            return;
        }
        CancellationException parentErr = parent.err();
        if (parentErr != null) {
            child.parentCancelled(parentErr, cause(parent));
            return;
        }
        CancelNode ancestor = nearestCancelNode(parent);
        if (ancestor != null && ancestor.done() == parentDone) {
            // The parent is, or forwards everything to, a go4j node: register there directly (Go's
            // parentCancelCtx). A wrapper with a done channel of its own is watched below instead.
            ancestor.adopt(child);
            return;
        }
        OnReceive[] watch = {
            new OnReceive((Channel<?>) parentDone, () -> child.parentCancelled(parent.err(), cause(parent))),
            new OnReceive((Channel<?>) child.end(), () -> { }),
        };
        Goroutine.start(() -> Selection.select(watch, OnReceive.READER, Deadline.NEVER));
    }

    /**
     * The nearest go4j cancel node at or above {@code ctx} (never across withoutCancel), asked for as the value
     * of {@link #CANCEL_NODE}, which user contexts that wrap a go4j context forward; null if none.
     */
    static CancelNode nearestCancelNode(Context ctx) {
        return lookup(ctx, CANCEL_NODE);
    }

    private static Context requireParent(Context parent) {
        return Objects.requireNonNull(parent, "cannot create context from nil parent");
    }
}
