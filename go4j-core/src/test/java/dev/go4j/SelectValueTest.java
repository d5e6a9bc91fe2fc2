package dev.go4j;

import static dev.go4j.Select.afterClause;
import static dev.go4j.Select.defaultClause;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.receiveClause;
import static dev.go4j.Select.receiveOkClause;
import static dev.go4j.Select.select;
import static dev.go4j.Select.selectValue;
import static dev.go4j.Select.sendClause;
import static dev.go4j.SelectTest.queued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.testsupport.Allocations;
import dev.go4j.testsupport.Spawned;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The value-returning select ({@link Select#selectValue}) follows the callback select's rules and returns the
 * chosen clause's result: which clause is chosen, default and after clauses, closed and nil channels, bodies that
 * throw, interrupts, and that it allocates no more than the callback form. Its fairness is checked in
 * {@link SelectFairnessTest}; the rules shared with the callback form in depth in {@link SelectTest}.
 */
class SelectValueTest {
    /** A receive clause body that must not be chosen. */
    static <T, R> Function<T, R> never() {
        return value -> {
            throw new AssertionError("this clause must not be chosen (got " + value + ")");
        };
    }

    /** A send, default or after clause body that must not be chosen. */
    static <R> Supplier<R> neverGives() {
        return () -> {
            throw new AssertionError("this clause must not be chosen");
        };
    }

    // ---- Which clause is chosen ----

    @Test
    void blocksUntilAClauseIsReadyThenReturnsThatClausesResult() throws Exception {
        Chan<String> a = Chan.make();
        Chan<Integer> b = Chan.make();
        var result = new AtomicReference<String>();
        Spawned s = Spawned.go(() -> result.set(selectValue(
                receiveClause(a, v -> "a: " + v),
                receiveClause(b, v -> "b: " + (v + 1)))));
        s.awaitBlocked(WaitReason.SELECT);
        b.send(41);
        assertThat(s.end()).isNull();
        assertThat(result).hasValue("b: 42");
        assertThat(queued(a)).isZero();
    }

    @Test
    void aSendClauseWaitsForAReceiverThenGivesItsResult() throws Exception {
        Chan<String> out = Chan.make();
        var result = new AtomicReference<Integer>();
        Spawned s = Spawned.go(() -> result.set(selectValue(
                sendClause(out, "x", () -> 1),
                receiveClause(Chan.<String>make(), never()))));
        s.awaitBlocked(WaitReason.SELECT);
        assertThat(out.receive()).isEqualTo("x");
        assertThat(s.end()).isNull();
        assertThat(result).hasValue(1);
    }

    @Test
    void theDefaultClauseGivesTheResultWhenNothingIsReadyAndAReadyClauseWinsOverIt() {
        Chan<String> empty = Chan.make();
        assertThat(selectValue(receiveClause(empty, never()), defaultClause(() -> "default"))).isEqualTo("default");
        assertThat(queued(empty)).isZero();

        Chan<String> ready = Chan.make(1);
        ready.send("ready");
        assertThat(Select.<String>selectValue(receiveClause(ready, v -> v), defaultClause(neverGives()))).isEqualTo("ready");
    }

    @Test
    void aResultMayBeNullAndClausesMayBeReused() {
        Chan<String> ready = Chan.make(1);
        Select.Clause<String> toNull = receiveClause(ready, v -> null);
        for (int i = 0; i < 3; i++) {
            ready.send("v" + i);
            assertThat(selectValue(toNull, afterClause(Duration.ofMinutes(10), neverGives()))).isNull();
        }
    }

    @Test
    void twoDefaultClausesAndNullArgumentsAreRejected() {
        Chan<String> ready = Chan.make(1);
        ready.send("stays");
        assertThatThrownBy(() -> selectValue(receiveClause(ready, v -> v), defaultClause(() -> "1"),
                defaultClause(() -> "2"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("select: multiple defaults");
        assertThat(ready.len()).as("nothing was performed").isOne();

        assertThatThrownBy(() -> selectValue((Select.Clause<String>[]) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> selectValue(receiveClause(ready, v -> v), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> receiveClause(ready, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> receiveOkClause(ready, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> sendClause(ready, "x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> defaultClause(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> afterClause(null, () -> "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> afterClause(Duration.ZERO, null)).isInstanceOf(NullPointerException.class);
    }

    // ---- Closed and nil channels ----

    @Test
    void aClosedChannelsReceiveClauseIsReadyWithTheZeroValueAndOkFalse() {
        Chan<Integer> ints = Chan.make(1, -1);
        ints.send(7);
        ints.close();
        Function<Received<Integer>, String> describe = r -> r.value() + " " + r.ok();
        assertThat(selectValue(receiveOkClause(ints, describe))).isEqualTo("7 true");
        assertThat(selectValue(receiveOkClause(ints, describe))).isEqualTo("-1 false");
        assertThat(Select.<Integer>selectValue(receiveClause(ints, v -> v), defaultClause(neverGives()))).isEqualTo(-1);
    }

    @Test
    void closingAChannelWakesASelectWaitingToReceiveFromIt() throws Exception {
        Chan<String> ch = Chan.make();
        var result = new AtomicReference<Received<String>>();
        Spawned s = Spawned.go(() -> result.set(selectValue(receiveOkClause(ch, r -> r))));
        s.awaitBlocked(WaitReason.SELECT);
        ch.close();
        assertThat(s.end()).isNull();
        assertThat(result).hasValue(new Received<>(null, false));
    }

    @Test
    void aSendClauseOnAClosedChannelPanicsWhenChosenWaitingOrNot() throws Exception {
        Chan<String> closed = Chan.make(1);
        closed.close();
        assertThatThrownBy(() -> selectValue(sendClause(closed, "x", neverGives()), defaultClause(neverGives())))
                .isInstanceOf(RuntimeError.class).hasMessage("send on closed channel");

        Chan<String> ch = Chan.make();
        Spawned s = Spawned.go(() -> selectValue(sendClause(ch, "x", neverGives())));
        s.awaitBlocked(WaitReason.SELECT);
        ch.close();
        assertThat(s.end()).isInstanceOf(RuntimeError.class).hasMessage("send on closed channel");
        assertThat(queued(ch)).isZero();
    }

    @Test
    void nilAndNullChannelClausesAreNeverReady() {
        Chan<String> nil = Chan.nil();
        assertThat(selectValue(receiveClause(nil, never()), receiveOkClause(null, never()),
                sendClause(nil, "x", neverGives()), sendClause(null, "y", neverGives()),
                defaultClause(() -> "default"))).isEqualTo("default");

        Chan<String> ready = Chan.make(1);
        ready.send("v");
        assertThat(Select.<String>selectValue(receiveClause(nil, never()), receiveClause(ready, v -> v),
                sendClause(null, "y", neverGives()))).isEqualTo("v");
    }

    @Test
    void aSelectWithoutClausesBlocksForeverWithReasonSelectNoCases() throws Exception {
        Spawned s = Spawned.go(() -> selectValue());
        s.awaitBlocked(WaitReason.SELECT_NO_CASES);
        s.thread().interrupt();
        assertThat(s.end()).isInstanceOf(Interrupted.class);
        assertThat(s.interruptedAtEnd()).isTrue();
    }

    // ---- Bodies that throw, interrupts ----

    @Test
    void anExceptionFromABodyPropagatesAfterTheOperationCommitted() {
        Chan<String> ready = Chan.make(1);
        ready.send("x");
        assertThatThrownBy(() -> selectValue(receiveClause(ready, v -> {
            throw new IllegalStateException("boom " + v);
        }))).isInstanceOf(IllegalStateException.class).hasMessage("boom x");
        assertThat(ready.len()).isZero();

        Chan<String> out = Chan.make(1);
        assertThatThrownBy(() -> selectValue(sendClause(out, "sent", () -> {
            throw new Panic("after send");
        }))).isInstanceOf(Panic.class).hasMessage("after send");
        assertThat(out.receive()).as("the send committed before its body threw").isEqualTo("sent");
    }

    @Test
    void anInterruptedSelectPerformsAReadyClauseAndThrowsOnlyIfItMustWait() {
        Chan<String> ready = Chan.make(1);
        ready.send("a");
        Chan<String> idle = Chan.make();
        Thread.currentThread().interrupt();
        try {
            assertThat(Select.<String>selectValue(receiveClause(ready, v -> v), receiveClause(idle, never()))).isEqualTo("a");
            assertThat(selectValue(receiveClause(idle, never()), defaultClause(() -> "default")))
                    .isEqualTo("default");
            assertThatThrownBy(() -> selectValue(receiveClause(idle, never()),
                    afterClause(Duration.ofMinutes(10), neverGives())))
                    .isInstanceOf(Interrupted.class).hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(queued(idle)).isZero();
    }

    @Test
    void anInterruptWhileWaitingThrowsInterruptedAndPerformsNoClause() throws Exception {
        Chan<String> in = Chan.make();
        Chan<String> out = Chan.make();
        Spawned s = Spawned.go(() -> selectValue(receiveClause(in, never()), sendClause(out, "x", neverGives())));
        s.awaitBlocked(WaitReason.SELECT);
        s.thread().interrupt();
        assertThat(s.end()).isInstanceOf(Interrupted.class);
        assertThat(s.interruptedAtEnd()).isTrue();
        assertThat(queued(in)).isZero();
        assertThat(queued(out)).isZero();
        assertThat(in.trySend("y")).isFalse();
    }

    // ---- After clauses ----

    @Test
    void anAfterClauseGivesItsResultNoEarlierThanItsTimeout() {
        Chan<String> in = Chan.make();
        Duration timeout = Duration.ofMillis(30);
        long start = System.nanoTime();
        String result = selectValue(receiveClause(in, never()), afterClause(timeout, () -> "timed out"));
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(timeout.toNanos());
        assertThat(result).isEqualTo("timed out");
        assertThat(queued(in)).isZero();
    }

    @Test
    void theShortestOfSeveralAfterClausesCountsAndADefaultComesFirst() {
        Chan<String> in = Chan.make();
        assertThat(selectValue(afterClause(Duration.ofMinutes(10), neverGives()), receiveClause(in, never()),
                afterClause(Duration.ofMillis(1), () -> "short"), afterClause(Duration.ofMillis(1), neverGives())))
                .isEqualTo("short");
        assertThat(selectValue(afterClause(Duration.ZERO, neverGives()), defaultClause(() -> "default")))
                .isEqualTo("default");
    }

    @Test
    void aClauseThatBecomesReadyBeforeTheTimeoutWins() throws Exception {
        Chan<String> ch = Chan.make();
        var result = new AtomicReference<String>();
        Spawned s = Spawned.go(() -> result.set(selectValue(receiveClause(ch, v -> v),
                afterClause(Duration.ofMinutes(10), neverGives()))));
        s.awaitBlocked(WaitReason.SELECT);
        ch.send("in time");
        assertThat(s.end()).isNull();
        assertThat(result).hasValue("in time");
    }

    @Test
    void aZeroOrNegativeTimeoutOnlyPolls() {
        Chan<String> empty = Chan.make();
        Chan<String> ready = Chan.make(1);
        for (Duration timeout : List.of(Duration.ZERO, Duration.ofNanos(-1), Duration.ofDays(-1))) {
            assertThat(selectValue(receiveClause(empty, never()), afterClause(timeout, () -> "polled")))
                    .isEqualTo("polled");
            assertThat(queued(empty)).isZero();
            ready.send("v");
            assertThat(Select.<String>selectValue(receiveClause(ready, v -> v), afterClause(timeout, neverGives())))
                    .isEqualTo("v");
        }
    }

    @Test
    void anAfterClauseTimesEachSelectFromItsOwnStart() {
        Chan<String> in = Chan.make();
        Duration timeout = Duration.ofMillis(20);
        Select.Clause<String> after = afterClause(timeout, () -> "timed out");
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            assertThat(selectValue(receiveClause(in, never()), after)).isEqualTo("timed out");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(timeout.toNanos());
        }
    }

    // ---- Allocation ----

    /**
     * Per select over two ready buffered channels (each refilled), the value form allocates no more bytes than
     * the callback form, measured by HotSpot's per-thread allocation counter after a warm-up; the timed value
     * form with a reused after clause at most one array slot more than {@link Select#select(Duration,
     * Select.Case...)}. Each form's figure is its lowest of three runs, so a JIT compilation during one run does
     * not count; the tolerance is below the size of any object, so an extra allocation per select fails.
     */
    @Test
    void theValueFormAllocatesNoMoreThanTheCallbackForm() {
        Chan<Object> a = Chan.make(1);
        Chan<Object> b = Chan.make(1);
        a.send("token");
        b.send("token");
        Consumer<Object> refillA = v -> a.send(v);
        Consumer<Object> refillB = v -> b.send(v);
        Function<Object, Chan<Object>> fromA = v -> a;
        Function<Object, Chan<Object>> fromB = v -> b;
        Duration hour = Duration.ofHours(1);
        Select.Clause<Chan<Object>> after = afterClause(hour, neverGives());
        int rounds = 20_000;

        Runnable callback = () -> select(onReceive(a, refillA), onReceive(b, refillB));
        Runnable value = () -> selectValue(receiveClause(a, fromA), receiveClause(b, fromB)).send("token");
        Runnable timedCallback = () -> select(hour, onReceive(a, refillA), onReceive(b, refillB));
        Runnable timedValue = () -> selectValue(receiveClause(a, fromA), receiveClause(b, fromB), after)
                .send("token");

        double callbackBytes = bytesPerRun(callback, rounds);
        double valueBytes = bytesPerRun(value, rounds);
        assertThat(valueBytes).as("bytes per value select; the callback form allocates %.1f", callbackBytes)
                .isLessThanOrEqualTo(callbackBytes + 4);
        double timedCallbackBytes = bytesPerRun(timedCallback, rounds);
        double timedValueBytes = bytesPerRun(timedValue, rounds);
        assertThat(timedValueBytes).as("bytes per timed value select; the timed callback form allocates %.1f",
                timedCallbackBytes).isLessThanOrEqualTo(timedCallbackBytes + 8 + 4);
    }

    /** Bytes the current thread allocates per run of {@code op}: the lowest of three measured runs, after a warm-up. */
    private static double bytesPerRun(Runnable op, int rounds) {
        for (int i = 0; i < 5 * rounds; i++) {
            op.run();
        }
        long lowest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = Allocations.currentThreadBytes();
            for (int i = 0; i < rounds; i++) {
                op.run();
            }
            lowest = Math.min(lowest, Allocations.currentThreadBytes() - before);
        }
        return (double) lowest / rounds;
    }
}
