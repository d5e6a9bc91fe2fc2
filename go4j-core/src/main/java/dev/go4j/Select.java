package dev.go4j;

import dev.go4j.internal.chan.CaseReader;
import dev.go4j.internal.chan.CaseReader.Kind;
import dev.go4j.internal.chan.Channel;
import dev.go4j.internal.chan.Selection;
import dev.go4j.internal.clock.Deadline;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * <p>Case bodies are lambdas, so they cannot assign the caller's local variables. When a select should produce a
 * value, use the value form instead: {@link #selectValue} over clauses ({@link #receiveClause},
 * {@link #receiveOkClause}, {@link #sendClause}, {@link #defaultClause}, and {@link #afterClause} for a timeout),
 * each of which maps its outcome to the select's result. It is the same select, with the same rules and
 * fairness, and allocates no more than the callback form:
 *
 * {@snippet file="SelectSnippets.java" region="selectValue"}
 *
 * <p>Memory consistency: a case's operation has the happens-before edges of the channel operation it names;
 * the body, and the return of the select, come after it.
 */
public final class Select {
    private Select() {
    }

    /**
     * What the core reads from a case of either form: its channel, the element a send sends, and the user's own
     * body object (no wrapping: a case is one object, 24 bytes with compressed oops whatever its kind; an after
     * clause, with its timeout, 32). The subclass is a tag: Reader is the one table of what each kind does and how
     * its body is called.
     * Immutable.
     */
    abstract static sealed class Arm permits Case, Clause {
        /** The channel of a send or receive case; null for a never-ready case and for default and after. */
        final Channel<?> channel;
        /** The element a send case sends; null for the others. */
        final @Nullable Object value;
        /** The body as the user gave it: a Consumer, Runnable, Function or Supplier, by subclass. */
        final Object body;

        Arm(@Nullable Object channel, @Nullable Object value, Object body) {
            this.channel = (Channel<?>) channel;
            this.value = value;
            this.body = Objects.requireNonNull(body, "body");
        }
    }

    /**
     * One case of a callback select ({@link #select(Case...)}), made by {@link #onReceive}, {@link #onReceiveOk},
     * {@link #onSend} or {@link #orElse}. Immutable; a case may be used in several selects. Sealed: those
     * factories are the only way to make one.
     */
    public abstract static sealed class Case extends Arm {
        private Case(@Nullable Object channel, @Nullable Object value, Object body) {
            super(channel, value, body);
        }
    }

    /**
     * One case of a value-returning select ({@link #selectValue}), made by {@link #receiveClause},
     * {@link #receiveOkClause}, {@link #sendClause}, {@link #defaultClause} or {@link #afterClause}: an operation
     * and the function that turns its outcome into the select's result. Immutable; a clause may be used in
     * several selects. Sealed: those factories are the only way to make one.
     *
     * @param <R> the result the clause gives its select
     */
    public abstract static sealed class Clause<R extends @Nullable Object> extends Arm {
        private Clause(@Nullable Object channel, @Nullable Object value, Object body) {
            super(channel, value, body);
        }
    }

    // The case classes are tags: what each does and how its body is called is Reader's one table.

    /** Go's {@code case v := <-ch:}; body a Consumer of the value. */
    private static final class Receive extends Case {
        Receive(@Nullable Object channel, Object body) {
            super(channel, null, body);
        }
    }

    /** Go's {@code case v, ok := <-ch:}; body a Consumer of {@link Received}. */
    private static final class ReceiveOk extends Case {
        ReceiveOk(@Nullable Object channel, Object body) {
            super(channel, null, body);
        }
    }

    /** Go's {@code case ch <- v:}; body a Runnable. */
    private static final class Send extends Case {
        Send(@Nullable Object channel, @Nullable Object value, Object body) {
            super(channel, value, body);
        }
    }

    /** Go's {@code default:}; body a Runnable. */
    private static final class Default extends Case {
        Default(Object body) {
            super(null, null, body);
        }
    }

    /** Go's {@code case v := <-ch: return f(v)}; body a Function of the value. */
    private static final class ReceiveClause<R extends @Nullable Object> extends Clause<R> {
        ReceiveClause(@Nullable Object channel, Object body) {
            super(channel, null, body);
        }
    }

    /** Go's {@code case v, ok := <-ch: return f(v, ok)}; body a Function of {@link Received}. */
    private static final class ReceiveOkClause<R extends @Nullable Object> extends Clause<R> {
        ReceiveOkClause(@Nullable Object channel, Object body) {
            super(channel, null, body);
        }
    }

    /** Go's {@code case ch <- v: return r}; body a Supplier. */
    private static final class SendClause<R extends @Nullable Object> extends Clause<R> {
        SendClause(@Nullable Object channel, @Nullable Object value, Object body) {
            super(channel, value, body);
        }
    }

    /** Go's {@code default: return r}; body a Supplier. */
    private static final class DefaultClause<R extends @Nullable Object> extends Clause<R> {
        DefaultClause(Object body) {
            super(null, null, body);
        }
    }

    /**
     * Go's {@code case <-time.After(d): return r}, without a timer: to the core a case that is never ready; the
     * select's deadline is the earliest after clause's timeout, and on that deadline this clause's Supplier gives
     * the result.
     */
    private static final class AfterClause<R extends @Nullable Object> extends Clause<R> {
        final Duration timeout;

        AfterClause(Duration timeout, Object body) {
            super(null, null, body);
            this.timeout = Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * How the core reads both forms' cases: one stateless reader per form, so a case is one object. They differ
     * only in what a select that reaches its deadline returns.
     */
    private enum Reader implements CaseReader<Arm, @Nullable Object> {
        /** Callback cases: a select returns true if a case ran, false on timeout. */
        CASES {
            @Override
            public Object timedOut(Arm[] cases) {
                return Boolean.FALSE;
            }
        },
        /** Clauses: a select returns the chosen clause's result, or on timeout the earliest after clause's. */
        CLAUSES {
            @Override
            public @Nullable Object timedOut(Arm[] cases) {
                AfterClause<?> after = earliestAfter(cases);
                if (after == null) {
                    throw new IllegalStateException("select: timed out without an after clause");
                }
                return fire(after, null, false);
            }
        };

        @Override
        public Kind kind(Arm c) {
            return switch (c) {
                case Send s -> Kind.SEND;
                case SendClause<?> s -> Kind.SEND;
                case Default d -> Kind.DEFAULT;
                case DefaultClause<?> d -> Kind.DEFAULT;
                default -> Kind.RECEIVE; // the receives, and an after clause: no channel, never ready
            };
        }

        @Override
        public Channel<?> channel(Arm c) {
            return c.channel;
        }

        @Override
        public @Nullable Object value(Arm c) {
            return c.value;
        }

        /** Runs the chosen case's body; a callback case returns true, a clause its result. */
        @Override
        @SuppressWarnings("unchecked")
        public @Nullable Object fire(Arm c, @Nullable Object value, boolean ok) {
            return switch (c) {
                case Receive r -> accept(r, value);
                case ReceiveOk r -> accept(r, new Received<>(value, ok));
                case Send s -> run(s);
                case Default d -> run(d);
                case ReceiveClause<?> r -> ((Function<Object, ?>) r.body).apply(value);
                case ReceiveOkClause<?> r -> ((Function<Object, ?>) r.body).apply(new Received<>(value, ok));
                case SendClause<?> s -> ((Supplier<?>) s.body).get();
                case DefaultClause<?> d -> ((Supplier<?>) d.body).get();
                case AfterClause<?> a -> ((Supplier<?>) a.body).get();
            };
        }

        @SuppressWarnings("unchecked")
        private static Boolean accept(Case c, @Nullable Object delivered) {
            ((Consumer<Object>) c.body).accept(delivered);
            return Boolean.TRUE;
        }

        private static Boolean run(Case c) {
            ((Runnable) c.body).run();
            return Boolean.TRUE;
        }
    }

    /** The after clause with the shortest timeout (the first of equals), or null if there is none. */
    private static @Nullable AfterClause<?> earliestAfter(Arm[] cases) {
        AfterClause<?> earliest = null;
        for (Arm c : cases) {
            if (c instanceof AfterClause<?> after
                    && (earliest == null || after.timeout.compareTo(earliest.timeout) < 0)) {
                earliest = after;
            }
        }
        return earliest;
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
        return new Receive(ch, body);
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
        return new ReceiveOk(ch, body);
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
        return new Send(ch, value, body);
    }

    /**
     * The default case, Go's {@code default:}: runs {@code body} if no other case is ready, so the select never
     * blocks. At most one per select.
     *
     * @param body what to do when nothing is ready
     * @return the case
     */
    public static Case orElse(Runnable body) {
        return new Default(body);
    }

    /**
     * A clause that receives from {@code ch} and gives {@code body}'s result for the value, Go's
     * {@code case v := <-ch:} in a select whose cases each produce a result. On a closed channel the body gets
     * the zero value.
     *
     * @param ch the channel; {@code null} or the nil channel make a clause that is never ready
     * @param body the result for the value (the channel's zero value, null unless it was made with one, if the
     *     channel is closed)
     * @param <T> the element type
     * @param <R> the result type
     * @return the clause
     */
    public static <T extends @Nullable Object, R extends @Nullable Object> Clause<R> receiveClause(
            @Nullable ReceiveChan<? extends T> ch, Function<? super @Nullable T, ? extends R> body) {
        return new ReceiveClause<>(ch, body);
    }

    /**
     * A clause that receives from {@code ch} and gives {@code body}'s result for value and ok flag, Go's
     * {@code case v, ok := <-ch:}.
     *
     * @param ch the channel; {@code null} or the nil channel make a clause that is never ready
     * @param body the result for what was received
     * @param <T> the element type
     * @param <R> the result type
     * @return the clause
     */
    public static <T extends @Nullable Object, R extends @Nullable Object> Clause<R> receiveOkClause(
            @Nullable ReceiveChan<? extends T> ch, Function<? super Received<T>, ? extends R> body) {
        return new ReceiveOkClause<>(ch, body);
    }

    /**
     * A clause that sends {@code value} on {@code ch}, then gives {@code body}'s result, Go's
     * {@code case ch <- v:}.
     *
     * @param ch the channel; {@code null} or the nil channel make a clause that is never ready
     * @param value the element to send, fixed now
     * @param body the result after sending
     * @param <T> the element type
     * @param <R> the result type
     * @return the clause
     */
    public static <T extends @Nullable Object, R extends @Nullable Object> Clause<R> sendClause(
            @Nullable SendChan<? super T> ch, T value, Supplier<? extends R> body) {
        return new SendClause<>(ch, value, body);
    }

    /**
     * The default clause, Go's {@code default:}: gives {@code body}'s result if no other clause is ready, so the
     * select never blocks. At most one per select; the value form of {@link #orElse}.
     *
     * @param body the result when nothing is ready
     * @param <R> the result type
     * @return the clause
     */
    public static <R extends @Nullable Object> Clause<R> defaultClause(Supplier<? extends R> body) {
        return new DefaultClause<>(body);
    }

    /**
     * A timeout clause, Go's {@code case <-time.After(timeout):}: gives {@code body}'s result if no other clause
     * became ready within {@code timeout} (measured on go4j's clock from the start of each select that uses it),
     * without making a timer or a channel. A non-positive timeout only polls. With several after clauses the
     * shortest counts; a default clause, if present, is chosen first.
     *
     * @param timeout how long the select waits at most
     * @param body the result on timeout
     * @param <R> the result type
     * @return the clause
     */
    public static <R extends @Nullable Object> Clause<R> afterClause(Duration timeout, Supplier<? extends R> body) {
        return new AfterClause<>(timeout, body);
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
        Selection.select(checked(cases), Reader.CASES, Deadline.NEVER);
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
        return (Boolean) Selection.select(checked(cases), Reader.CASES, Deadline.after(timeout));
    }

    /**
     * The value-returning select: performs one ready clause and returns its body's result. The same select as
     * {@link #select(Case...)} (the same choice among ready clauses, uniformly at random; the same rules for
     * closed and nil channels, interrupts and bodies that throw), and it allocates no more: the result is
     * returned, not stored. Blocks until a clause is ready unless there is a {@link #defaultClause}; an
     * {@link #afterClause} bounds the wait. With no clauses at all, blocks forever.
     *
     * @param clauses the clauses
     * @param <R> the result type
     * @return the chosen clause's result
     * @throws RuntimeError {@code send on closed channel} if a chosen send clause's channel is closed
     * @throws Interrupted if interrupted while waiting (no clause is then performed)
     * @throws IllegalArgumentException if there is more than one default clause
     */
    @SafeVarargs
    @SuppressWarnings("unchecked")
    public static <R extends @Nullable Object> R selectValue(Clause<? extends R>... clauses) {
        AfterClause<?> after = earliestAfter(checked(clauses));
        Deadline deadline = after == null ? Deadline.NEVER : Deadline.after(after.timeout);
        return (R) Selection.select(clauses, Reader.CLAUSES, deadline);
    }

    private static <A extends Arm> A[] checked(A[] cases) {
        Objects.requireNonNull(cases, "cases");
        for (A c : cases) {
            Objects.requireNonNull(c, "case");
        }
        return cases;
    }
}
