package dev.go4j;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.join;
import static dev.go4j.testsupport.GoTesting.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.testsupport.Spawned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The channel contract, for unbuffered and buffered channels alike unless a test says otherwise. */
class ChanTest {
    @Test
    void negativeCapacityIsARuntimeError() {
        assertThatThrownBy(() -> Chan.make(-1)).isInstanceOf(RuntimeError.class)
                .hasMessage("makechan: size out of range");
    }

    /**
     * Port of Go's {@code test/chancap.go}: len and cap of fresh and partly filled channels, and
     * {@code makechan: size out of range} (a recoverable run-time panic, not an out-of-memory error) for sizes no
     * buffer can have: negative ones and, on the JVM, those above the longest array ({@code Integer.MAX_VALUE - 8}).
     */
    @Test
    void chancapSizesNoArrayCanHoldAreARuntimeErrorNotAnOutOfMemoryError() {
        Chan<Integer> c = Chan.make(10);
        assertThat(c.len()).isZero();
        assertThat(c.cap()).isEqualTo(10);
        for (int i = 0; i < 3; i++) {
            c.send(i);
        }
        assertThat(c.len()).isEqualTo(3);
        assertThat(c.cap()).isEqualTo(10);
        Chan<Integer> unbuffered = Chan.make();
        assertThat(unbuffered.len()).isZero();
        assertThat(unbuffered.cap()).isZero();
        for (int size : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 7}) {
            assertThatThrownBy(() -> Chan.make(size)).as("make(%d)", size).isInstanceOf(RuntimeError.class)
                    .hasMessage("makechan: size out of range");
            assertThatThrownBy(() -> Chan.<Empty>make(size, Empty.VALUE)).as("make(%d, zero)", size)
                    .isInstanceOf(RuntimeError.class).hasMessage("makechan: size out of range");
        }
    }

    /** Go's {@code ch == nil}, on every view of a channel. */
    @Test
    void isNilTellsTheNilChannelFromEveryOtherOnEveryView() {
        Chan<String> nil = Chan.nil();
        Chan<String> made = Chan.make();
        ReceiveChan<String> nilReceiver = nil;
        SendChan<String> nilSender = nil;
        ReceiveChan<String> receiver = made;
        SendChan<String> sender = made;
        assertThat(nil.isNil()).isTrue();
        assertThat(nilReceiver.isNil()).isTrue();
        assertThat(nilSender.isNil()).isTrue();
        assertThat(made.isNil()).isFalse();
        assertThat(receiver.isNil()).isFalse();
        assertThat(sender.isNil()).isFalse();
        made.close();
        assertThat(made.isNil()).as("a closed channel is not nil").isFalse();
        assertThat(Chan.make(4).isNil()).isFalse();
    }

    @Test
    void lenAndCap() {
        Chan<String> unbuffered = Chan.make();
        assertThat(unbuffered.len()).isZero();
        assertThat(unbuffered.cap()).isZero();
        Chan<String> buffered = Chan.make(3);
        buffered.send("a");
        buffered.send("b");
        assertThat(buffered.len()).isEqualTo(2);
        assertThat(buffered.cap()).isEqualTo(3);
        buffered.receive();
        assertThat(buffered.len()).isEqualTo(1);
    }

    @Test
    void unbufferedSendCompletesOnlyWhenAReceiverTakesTheValue() throws Exception {
        Chan<String> ch = Chan.make();
        var sent = new AtomicBoolean();
        Thread sender = start(() -> {
            ch.send("hello");
            sent.set(true);
        });
        awaitBlocked(sender, WaitReason.CHAN_SEND);
        assertThat(sent).isFalse();
        assertThat(ch.receive()).isEqualTo("hello");
        join(sender);
        assertThat(sent).isTrue();
    }

    @Test
    void unbufferedReceiveWaitsForASender() throws Exception {
        Chan<Integer> ch = Chan.make();
        var got = new CompletableFuture<Integer>();
        Thread receiver = start(() -> got.complete(ch.receive()));
        awaitBlocked(receiver, WaitReason.CHAN_RECEIVE);
        awaitBlocked(ch, WaitReason.CHAN_RECEIVE, 1);
        ch.send(42);
        assertThat(await(got)).isEqualTo(42);
    }

    @Test
    void bufferedIsFifoAndBlocksWhenFull() throws Exception {
        Chan<Integer> ch = Chan.make(2);
        ch.send(1);
        ch.send(2);
        var third = new AtomicBoolean();
        Thread sender = start(() -> {
            ch.send(3);
            third.set(true);
        });
        awaitBlocked(sender, WaitReason.CHAN_SEND);
        assertThat(third).isFalse();
        assertThat(ch.receive()).isEqualTo(1);
        join(sender);
        assertThat(third).isTrue();
        assertThat(ch.receive()).isEqualTo(2);
        assertThat(ch.receive()).isEqualTo(3);
    }

    @Test
    void manyQueuedSendersAreServedInFifoOrderBehindTheBuffer() throws Exception {
        Chan<Integer> ch = Chan.make(1);
        ch.send(0);
        for (int i = 1; i <= 3; i++) {
            int value = i;
            start(() -> ch.send(value));
            awaitBlocked(ch, WaitReason.CHAN_SEND, i);
        }
        assertThat(List.of(ch.receive(), ch.receive(), ch.receive(), ch.receive())).containsExactly(0, 1, 2, 3);
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 5})
    void closeDrainsBufferedValuesThenReportsClosedForever(int capacity) throws Exception {
        Chan<Integer> ch = Chan.make(capacity, -1);
        go(() -> {
            for (int i = 0; i < 5; i++) {
                ch.send(i);
            }
            ch.close();
        });
        List<Integer> got = new ArrayList<>();
        for (int v : ch) {
            got.add(v);
        }
        assertThat(got).containsExactly(0, 1, 2, 3, 4);
        for (int i = 0; i < 3; i++) {
            assertThat(ch.receiveOk()).isEqualTo(new Received<>(-1, false));
            assertThat(ch.receive()).isEqualTo(-1);
            assertThat(ch.tryReceive()).isInstanceOf(TryReceive.Closed.class);
        }
    }

    @Test
    void closedBufferedChannelStillDrainsThroughEveryReceiveForm() {
        Chan<String> ch = Chan.make(3);
        ch.send("a");
        ch.send("b");
        ch.send("c");
        ch.close();
        assertThat(ch.receive()).isEqualTo("a");
        assertThat(ch.receiveOk()).isEqualTo(new Received<>("b", true));
        assertThat(ch.tryReceive()).isEqualTo(new TryReceive.Value<>("c"));
        assertThat(ch.receiveOk()).isEqualTo(new Received<String>(null, false));
    }

    @Test
    void zeroValueIsNullUnlessGiven() {
        Chan<Integer> plain = Chan.make();
        plain.close();
        assertThat(plain.receive()).isNull();
        Chan<Integer> zero = Chan.make(0, 0);
        zero.close();
        assertThat(zero.receive()).isZero();
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 2})
    void closeWakesEveryBlockedReceiverWithTheZeroValue(int capacity) throws Exception {
        Chan<String> ch = Chan.make(capacity, "zero");
        int receivers = 5;
        var results = new CompletableFuture<?>[receivers];
        for (int i = 0; i < receivers; i++) {
            var result = new CompletableFuture<Received<String>>();
            results[i] = result;
            go(() -> result.complete(ch.receiveOk()));
        }
        awaitBlocked(ch, WaitReason.CHAN_RECEIVE, receivers);
        ch.close();
        for (var result : results) {
            assertThat(await(result)).isEqualTo(new Received<>("zero", false));
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    void closeFailsEveryBlockedSender(int capacity) throws Exception {
        Chan<Integer> ch = Chan.make(capacity);
        for (int i = 0; i < capacity; i++) {
            ch.send(-1);
        }
        int senders = 4;
        var failures = new CompletableFuture<?>[senders];
        for (int i = 0; i < senders; i++) {
            var failure = new CompletableFuture<Throwable>();
            failures[i] = failure;
            int value = i;
            go(() -> {
                try {
                    ch.send(value);
                    failure.complete(null);
                } catch (Throwable t) {
                    failure.complete(t);
                }
            });
        }
        awaitBlocked(ch, WaitReason.CHAN_SEND, senders);
        ch.close();
        for (var failure : failures) {
            assertThat((Throwable) await(failure)).isInstanceOf(RuntimeError.class)
                    .hasMessage("send on closed channel");
        }
        // Only what was buffered before close drains; no blocked sender's value got in.
        for (int i = 0; i < capacity; i++) {
            assertThat(ch.receive()).isEqualTo(-1);
        }
        assertThat(ch.receiveOk().ok()).isFalse();
    }

    @Test
    void misuseMessagesAreGos() {
        Chan<String> ch = Chan.make(1);
        ch.close();
        assertThatThrownBy(() -> ch.send("x")).isInstanceOf(RuntimeError.class)
                .hasMessage("send on closed channel");
        assertThatThrownBy(() -> ch.trySend("x")).isInstanceOf(RuntimeError.class)
                .hasMessage("send on closed channel");
        assertThatThrownBy(ch::close).isInstanceOf(RuntimeError.class).hasMessage("close of closed channel");
        assertThatThrownBy(() -> Chan.nil().close()).isInstanceOf(RuntimeError.class)
                .hasMessage("close of nil channel");
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 3})
    void nullIsALegalElement(int capacity) throws Exception {
        Chan<String> ch = Chan.make(capacity, "zero");
        go(() -> {
            ch.send(null);
            ch.send("x");
            ch.send(null);
            ch.close();
        });
        assertThat(ch.receiveOk()).isEqualTo(new Received<String>(null, true));
        assertThat(ch.receive()).isEqualTo("x");
        assertThat(ch.receive()).isNull();
        assertThat(ch.receiveOk()).isEqualTo(new Received<>("zero", false));
    }

    @Test
    void streamReceivesUntilClosedAndNeverClosesTheChannel() throws Exception {
        Chan<Integer> ch = Chan.make();
        go(() -> {
            for (int i = 1; i <= 4; i++) {
                ch.send(i);
            }
            ch.close();
        });
        assertThat(ch.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);

        Chan<Integer> open = Chan.make(3);
        open.send(1);
        open.send(2);
        open.send(3);
        assertThat(open.stream().limit(2).toList()).containsExactly(1, 2);
        open.send(4); // still open
        assertThat(open.len()).isEqualTo(2);
    }

    @Test
    void iteratorNextWithoutHasNextReceivesAndFailsWhenClosed() {
        Chan<Integer> ch = Chan.make(1);
        ch.send(7);
        ch.close();
        var it = ch.iterator();
        assertThat(it.next()).isEqualTo(7);
        assertThat(it.hasNext()).isFalse();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void nilChannelBlocksForeverAndIsNeverReady() throws Exception {
        Chan<String> nil = Chan.nil();
        assertThat(nil.len()).isZero();
        assertThat(nil.cap()).isZero();
        assertThat(nil.trySend("x")).isFalse();
        assertThat(nil.tryReceive()).isInstanceOf(TryReceive.WouldBlock.class);
        assertThat(nil.toString()).isEqualTo("chan(nil)");

        Spawned sender = Spawned.go(() -> nil.send("x"));
        Spawned receiver = Spawned.go(nil::receive);
        sender.awaitBlocked(WaitReason.CHAN_SEND_NIL_CHAN);
        receiver.awaitBlocked(WaitReason.CHAN_RECEIVE_NIL_CHAN);
        sender.thread().interrupt();
        receiver.thread().interrupt();
        assertThat(sender.end()).isInstanceOf(Interrupted.class);
        assertThat(receiver.end()).isInstanceOf(Interrupted.class);
    }

    @Test
    void tryOperationsOnOpenFullEmptyAndClosedChannels() {
        Chan<Integer> unbuffered = Chan.make();
        assertThat(unbuffered.trySend(1)).isFalse();
        assertThat(unbuffered.tryReceive()).isInstanceOf(TryReceive.WouldBlock.class);

        Chan<Integer> buffered = Chan.make(1);
        assertThat(buffered.tryReceive()).isInstanceOf(TryReceive.WouldBlock.class);
        assertThat(buffered.trySend(1)).isTrue();
        assertThat(buffered.trySend(2)).isFalse();
        assertThat(buffered.tryReceive()).isEqualTo(new TryReceive.Value<>(1));
        buffered.close();
        assertThat(buffered.tryReceive()).isInstanceOf(TryReceive.Closed.class);
    }

    @Test
    void trySendHandsToAWaitingReceiverAndTryReceiveTakesFromAWaitingSender() throws Exception {
        Chan<String> ch = Chan.make();
        var got = new CompletableFuture<String>();
        go(() -> got.complete(ch.receive()));
        awaitBlocked(ch, WaitReason.CHAN_RECEIVE, 1);
        assertThat(ch.trySend("handed")).isTrue();
        assertThat(await(got)).isEqualTo("handed");

        var sent = new CountDownLatch(1);
        go(() -> {
            ch.send("taken");
            sent.countDown();
        });
        awaitBlocked(ch, WaitReason.CHAN_SEND, 1);
        assertThat(ch.tryReceive()).isEqualTo(new TryReceive.Value<>("taken"));
        await(sent);
    }

    static void produce(SendChan<? super Integer> out, int n) {
        for (int i = 0; i < n; i++) {
            out.send(i);
        }
        out.close();
    }

    static int sum(ReceiveChan<? extends Number> in) {
        int sum = 0;
        for (Number n : in) {
            sum += n.intValue();
        }
        return sum;
    }

    @Test
    void directionViewsConvertImplicitlyWithVariance() {
        Chan<Number> numbers = Chan.make(10);
        produce(numbers, 5);
        assertThat(sum(numbers)).isEqualTo(10);
        SendChan<Integer> sendOnly = Chan.make(1);
        assertThat(sendOnly).isNotInstanceOf(AutoCloseable.class);
    }

    @Test
    void aSendHappensBeforeTheMatchingReceiveCompletes() throws Exception {
        int[] data = new int[1000];
        Chan<Empty> ready = Chan.make();
        go(() -> {
            Arrays.fill(data, 7); // plain writes
            ready.send(Empty.VALUE);
        });
        ready.receive();
        assertThat(data).containsOnly(7);
    }
}
