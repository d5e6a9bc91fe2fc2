package dev.go4j;

import dev.go4j.internal.chan.CaseReader;
import dev.go4j.internal.chan.Channel;
import dev.go4j.internal.chan.Selection;
import dev.go4j.internal.clock.Deadline;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code select} statement: waits until one of several channel operations can proceed, performs exactly
 * that one, then runs its case's body. With {@code import static dev.go4j.Select.*;}:
 *
 * {@snippet file="SelectSnippets.java" region="select"}
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
     * {@link #orElse}. Immutable; a case may be used in several selects. Sealed: those factories are the only way
     * to make one.
     */
    public abstract static sealed class Case {
        /** The channel of a send or receive case; null for a never-ready case and for the default case. */
        final Channel<?> channel;

        private Case(Object channel) {
            this.channel = (Channel<?>) channel;
        }

        /** Runs the body with what the operation produced (value and ok are ignored by send and default). */
        abstract void run(Object value, boolean ok);
    }

    /** Go's {@code case v := <-ch:}. */
    private static final class Receive extends Case {
        private final Consumer<Object> body;

        @SuppressWarnings("unchecked")
        Receive(Object channel, Consumer<?> body) {
            super(channel);
            this.body = (Consumer<Object>) body;
        }

        @Override
        void run(Object value, boolean ok) {
            body.accept(value);
        }
    }

    /** Go's {@code case v, ok := <-ch:}. */
    private static final class ReceiveOk extends Case {
        private final Consumer<Object> body;

        @SuppressWarnings("unchecked")
        ReceiveOk(Object channel, Consumer<?> body) {
            super(channel);
            this.body = (Consumer<Object>) body;
        }

        @Override
        void run(Object value, boolean ok) {
            body.accept(new Received<>(value, ok));
        }
    }

    /** Go's {@code case ch <- v:}. */
    private static final class Send extends Case {
        private final Object value;
        private final Runnable body;

        Send(Object channel, Object value, Runnable body) {
            super(channel);
            this.value = value;
            this.body = body;
        }

        @Override
        void run(Object ignored, boolean ok) {
            body.run();
        }
    }

    /** Go's {@code default:}. */
    private static final class Default extends Case {
        private final Runnable body;

        Default(Runnable body) {
            super(null);
            this.body = body;
        }

        @Override
        void run(Object ignored, boolean ok) {
            body.run();
        }
    }

    /** How the core reads these cases: one stateless reader, so a case is one object. */
    private enum Reader implements CaseReader<Case> {
        INSTANCE;

        @Override
        public Kind kind(Case c) {
            return switch (c) {
                case Send s -> Kind.SEND;
                case Default d -> Kind.DEFAULT;
                case Receive r -> Kind.RECEIVE;
                case ReceiveOk r -> Kind.RECEIVE;
            };
        }

        @Override
        public Channel<?> channel(Case c) {
            return c.channel;
        }

        @Override
        public Object value(Case c) {
            return ((Send) c).value;
        }

        @Override
        public void fire(Case c, Object value, boolean ok) {
            c.run(value, ok);
        }
    }

    /**
     * A case that receives from {@code ch} and passes the value to {@code body}, Go's {@code case v := <-ch:}. On
     * a closed channel the body gets the zero value.
     *
     * @param ch the channel; {@code null} or the nil channel make a case that is never ready
     * @param body what to do with the value (the channel's zero value, null unless it was made with one, if the
     *     channel is closed)
     * @param <T> the element type
     * @return the case
     */
    public static <T extends @Nullable Object> Case onReceive(@Nullable ReceiveChan<? extends T> ch,
            Consumer<? super @Nullable T> body) {
        return new Receive(ch, Objects.requireNonNull(body, "body"));
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
    public static <T extends @Nullable Object> Case onReceiveOk(@Nullable ReceiveChan<? extends T> ch,
            Consumer<? super Received<T>> body) {
        return new ReceiveOk(ch, Objects.requireNonNull(body, "body"));
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
    public static <T extends @Nullable Object> Case onSend(@Nullable SendChan<? super T> ch, T value,
            Runnable body) {
        return new Send(ch, value, Objects.requireNonNull(body, "body"));
    }

    /**
     * The default case, Go's {@code default:}: runs {@code body} if no other case is ready, so the select never
     * blocks. At most one per select.
     *
     * @param body what to do when nothing is ready
     * @return the case
     */
    public static Case orElse(Runnable body) {
        return new Default(Objects.requireNonNull(body, "body"));
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
        Selection.select(checked(cases), Reader.INSTANCE, Deadline.NEVER);
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
        return Selection.select(checked(cases), Reader.INSTANCE, Deadline.after(timeout));
    }

    private static Case[] checked(Case[] cases) {
        Objects.requireNonNull(cases, "cases");
        for (Case c : cases) {
            Objects.requireNonNull(c, "case");
        }
        return cases;
    }
}
