package dev.go4j;

import dev.go4j.internal.chan.SelectCase;
import dev.go4j.internal.chan.Selection;
import dev.go4j.internal.clock.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Go's {@code select} statement: waits until one of several channel operations can proceed, performs exactly
 * that one, then runs its case's body.
 *
 * {@snippet :
 * import static dev.go4j.Select.*;
 *
 * select(
 *     onReceive(jobs, job -> run(job)),
 *     onReceiveOk(results, r -> { if (!r.ok()) System.out.println("results closed"); }),
 *     onSend(log, "idle", () -> System.out.println("logged")),
 *     orElse(() -> System.out.println("nothing ready"))); // Go's default: never blocks
 * }
 *
 * <p>Go's rules hold: when several cases are ready, one is chosen uniformly at random; a receive from a closed
 * channel is always ready (with the zero value, {@code ok == false}); a send to a closed channel is ready and, if
 * chosen, throws {@code send on closed channel}; a case on the nil channel (or a {@code null} channel) is never
 * ready; {@code select()} with no cases blocks forever; a select never matches its own send with its own receive.
 * Channels and values to send are fixed when the cases are built. A body runs after the operation has completed
 * and the select has withdrawn from every channel, so it may block, select again or throw. An interrupt follows
 * the channel rules: {@link Interrupted} with no case performed, unless a case completed first.
 *
 * <p>Timeouts: Go's idiom {@code onReceive(Time.after(d), t -> …)} works as a case; {@link #select(Duration,
 * Case...)} is a cheaper shorthand that needs no timer channel and reports a timeout by returning false.
 *
 * <p>Case bodies are lambdas, so they cannot assign the caller's local variables; write results to a field, an
 * array element or a channel, or return from the body through one.
 */
public final class Select {
    private Select() {
    }

    /**
     * One case of a select, made by {@link #onReceive}, {@link #onReceiveOk}, {@link #onSend} or
     * {@link #orElse}. Immutable; a case may be used in several selects.
     */
    public static final class Case {
        /** The operation; null for the default case. */
        final SelectCase operation;
        /** The body of a receive case; null otherwise. */
        private final Consumer<Object> onValue;
        /** The body of a receive-with-ok case; null otherwise. */
        private final Consumer<Object> onReceived;
        /** The body of a send or default case; null otherwise. */
        private final Runnable onDone;

        private Case(SelectCase operation, Consumer<Object> onValue, Consumer<Object> onReceived, Runnable onDone) {
            this.operation = operation;
            this.onValue = onValue;
            this.onReceived = onReceived;
            this.onDone = onDone;
        }

        /** Runs the body with what the operation produced (value and ok are ignored by send and default). */
        void run(Object value, boolean ok) {
            if (onValue != null) {
                onValue.accept(value);
            } else if (onReceived != null) {
                onReceived.accept(new Received<>(value, ok));
            } else {
                onDone.run();
            }
        }
    }

    /**
     * A case that receives from {@code ch} and passes the value to {@code body}, Go's {@code case v := <-ch:}. On
     * a closed channel the body gets the zero value.
     *
     * @param ch the channel; {@code null} or the nil channel make a case that is never ready
     * @param body what to do with the value
     * @param <T> the element type
     * @return the case
     */
    @SuppressWarnings("unchecked")
    public static <T> Case onReceive(ReceiveChan<? extends T> ch, Consumer<? super T> body) {
        Objects.requireNonNull(body, "body");
        return new Case(new SelectCase(channelOf(ch), false, null), (Consumer<Object>) body, null, null);
    }

    /**
     * A case that receives from {@code ch} and passes value and ok flag to {@code body}, Go's
     * {@code case v, ok := <-ch:}.
     *
     * @param ch the channel; {@code null} or the nil channel make a case that is never ready
     * @param body what to do with the result
     * @param <T> the element type
     * @return the case
     */
    @SuppressWarnings("unchecked")
    public static <T> Case onReceiveOk(ReceiveChan<? extends T> ch, Consumer<? super Received<T>> body) {
        Objects.requireNonNull(body, "body");
        return new Case(new SelectCase(channelOf(ch), false, null), null, (Consumer<Object>) body, null);
    }

    /**
     * A case that sends {@code value} on {@code ch}, then runs {@code body}, Go's {@code case ch <- v:}.
     *
     * @param ch the channel; {@code null} or the nil channel make a case that is never ready
     * @param value the element to send, fixed now
     * @param body what to do after sending
     * @param <T> the element type
     * @return the case
     */
    public static <T> Case onSend(SendChan<? super T> ch, T value, Runnable body) {
        Objects.requireNonNull(body, "body");
        return new Case(new SelectCase(channelOf(ch), true, value), null, null, body);
    }

    /**
     * The default case, Go's {@code default:}: runs {@code body} if no other case is ready, so the select never
     * blocks. At most one per select.
     *
     * @param body what to do when nothing is ready
     * @return the case
     */
    public static Case orElse(Runnable body) {
        Objects.requireNonNull(body, "body");
        return new Case(null, null, null, body);
    }

    /**
     * Performs one ready case and runs its body; blocks until a case is ready unless there is an
     * {@link #orElse} case. With no cases at all, blocks forever (wait reason {@code select (no cases)}).
     *
     * @param cases the cases
     * @throws RuntimeError {@code send on closed channel} if a chosen send case's channel is closed
     * @throws Interrupted if interrupted while waiting (no case is then performed)
     * @throws IllegalArgumentException if there is more than one {@code orElse} case
     */
    public static void select(Case... cases) {
        run(cases, true, false, 0);
    }

    /**
     * Like {@link #select(Case...)}, but gives up after {@code timeout} (measured on go4j's clock), Go's
     * {@code case <-time.After(d):}. A non-positive timeout only polls.
     *
     * @param timeout how long to wait at most
     * @param cases the cases
     * @return true if a case was performed (its body has run), false on timeout
     * @throws RuntimeError {@code send on closed channel} if a chosen send case's channel is closed
     * @throws Interrupted if interrupted while waiting
     */
    public static boolean select(Duration timeout, Case... cases) {
        Objects.requireNonNull(timeout, "timeout");
        boolean mayWait = !(timeout.isZero() || timeout.isNegative()); // else only poll: register nowhere
        return run(cases, mayWait, true, Clock.current().deadlineAfter(timeout));
    }

    private static boolean run(Case[] cases, boolean mayWait, boolean timed, long deadlineNanos) {
        Objects.requireNonNull(cases, "cases");
        Case fallback = null;
        int operations = 0;
        for (Case c : cases) {
            Objects.requireNonNull(c, "case");
            if (c.operation == null) {
                if (fallback != null) {
                    throw new IllegalArgumentException("select: multiple defaults (orElse cases)");
                }
                fallback = c;
            } else {
                operations++;
            }
        }
        // ops[i] is the operation of the i-th case that has one; without a default case that is cases[i].
        SelectCase[] ops = new SelectCase[operations];
        int n = 0;
        for (Case c : cases) {
            if (c.operation != null) {
                ops[n++] = c.operation;
            }
        }
        var out = new Selection.Outcome();
        int chosen = Selection.select(ops, mayWait && fallback == null, timed, deadlineNanos, out);
        if (chosen >= 0) {
            caseWithOperation(cases, chosen, fallback).run(out.value, out.ok);
            return true;
        }
        if (fallback != null) {
            fallback.run(null, false);
            return true;
        }
        return false;
    }

    /** The {@code index}-th case that has an operation: {@code cases[index]} unless there is a default case. */
    private static Case caseWithOperation(Case[] cases, int index, Case fallback) {
        if (fallback == null) {
            return cases[index];
        }
        int seen = 0;
        for (Case c : cases) {
            if (c.operation != null && seen++ == index) {
                return c;
            }
        }
        throw new IllegalStateException("select: case " + index + " vanished");
    }

    private static dev.go4j.internal.chan.Channel<?> channelOf(Object ch) {
        return ch == null ? null : ((Chan<?>) ch).channel;
    }
}
