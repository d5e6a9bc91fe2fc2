package dev.go4j;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.internal.chan.ChannelProbe;
import dev.go4j.testsupport.Spawned;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Java's interrupts on channel operations: an operation that can complete without parking completes even if the
 * thread is interrupted; one that must park throws {@link Interrupted} first, with no effect; an interrupt that
 * races a match loses to it. The interrupt status is set again whenever {@code Interrupted} is thrown.
 */
class ChanInterruptTest {
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anInterruptedThreadCompletesOperationsThatNeedNoParking() {
        Chan<Integer> ch = Chan.make(2);
        Thread.currentThread().interrupt();
        ch.send(1);
        assertThat(ch.trySend(2)).isTrue();
        assertThat(ch.receive()).isEqualTo(1);
        assertThat(ch.receiveOk()).isEqualTo(new Received<>(2, true));
        ch.close();
        assertThat(ch.receiveOk().ok()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void anInterruptedThreadMatchesAWaitingPeerWithoutParking() throws Exception {
        Chan<String> ch = Chan.make();
        var got = new CompletableFuture<String>();
        go(() -> got.complete(ch.receive()));
        awaitBlocked(ch, WaitReason.CHAN_RECEIVE, 1);
        Thread.currentThread().interrupt();
        ch.send("handed over");
        assertThat(Thread.interrupted()).as("status kept").isTrue();
        assertThat(await(got)).isEqualTo("handed over");
    }

    @Test
    void anOperationThatMustParkThrowsFirstAndHasNoEffect() {
        Chan<String> ch = Chan.make();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> ch.send("lost?")).isInstanceOf(Interrupted.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThatThrownBy(ch::receive).isInstanceOf(Interrupted.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(ch.tryReceive()).isInstanceOf(TryReceive.WouldBlock.class);
        assertThat(ChannelProbe.queuedWaiters(ch)).isZero();
    }

    @Test
    void aBlockedSenderInterruptedDoesNotSendAndLeavesNoWaiter() throws Exception {
        Chan<String> ch = Chan.make(1);
        ch.send("first");
        Spawned sender = Spawned.go(() -> ch.send("second"));
        sender.awaitBlocked(WaitReason.CHAN_SEND);
        sender.thread().interrupt();
        assertThat(sender.end()).isInstanceOf(Interrupted.class);
        assertThat(sender.interruptedAtEnd()).isTrue();
        assertThat(ChannelProbe.queuedWaiters(ch)).isZero();
        assertThat(ch.receive()).isEqualTo("first");
        assertThat(ch.tryReceive()).isInstanceOf(TryReceive.WouldBlock.class);
    }

    @Test
    void aBlockedReceiverInterruptedLosesNothing() throws Exception {
        Chan<Integer> ch = Chan.make();
        Spawned receiver = Spawned.go(ch::receive);
        receiver.awaitBlocked(WaitReason.CHAN_RECEIVE);
        receiver.thread().interrupt();
        assertThat(receiver.end()).isInstanceOf(Interrupted.class);
        assertThat(ChannelProbe.queuedWaiters(ch)).isZero();
        // The next value goes to a live receiver, not to the interrupted one.
        var got = new CompletableFuture<Integer>();
        go(() -> got.complete(ch.receive()));
        ch.send(5);
        assertThat(await(got)).isEqualTo(5);
    }

    /**
     * Races a hand-over against an interrupt many times. Each round, exactly one of two things is true: the
     * receiver got the value (then it returned normally, perhaps with its status set) or the sender still holds
     * it (then the receiver threw). Never both, never neither.
     */
    @Test
    void aMatchRacingAnInterruptWinsAndNothingIsLostOrDuplicated() throws Exception {
        int rounds = 2_000;
        var receivedNormally = new AtomicInteger();
        var interruptedWithStatus = new AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            Chan<Integer> ch = Chan.make();
            var result = new CompletableFuture<Integer>();
            var done = new CountDownLatch(1);
            Thread receiver = start(() -> {
                try {
                    result.complete(ch.receive());
                } catch (Interrupted e) {
                    if (Thread.currentThread().isInterrupted()) {
                        interruptedWithStatus.incrementAndGet();
                    }
                    result.complete(null);
                } finally {
                    Thread.interrupted();
                    done.countDown();
                }
            });
            awaitBlocked(receiver, WaitReason.CHAN_RECEIVE);
            go(receiver::interrupt);
            boolean taken = ch.trySend(round);
            await(done);
            Integer got = result.get();
            if (taken) {
                assertThat(got).as("round %d: sent but not received", round).isEqualTo(round);
                receivedNormally.incrementAndGet();
            } else {
                assertThat(got).as("round %d: received but not sent", round).isNull();
            }
            assertThat(ChannelProbe.queuedWaiters(ch)).isZero();
        }
        assertThat(receivedNormally.get() + interruptedWithStatus.get()).isEqualTo(rounds);
    }
}
