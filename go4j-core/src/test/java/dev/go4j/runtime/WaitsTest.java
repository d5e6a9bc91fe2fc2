package dev.go4j.runtime;

import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.join;
import static dev.go4j.testsupport.GoTesting.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Chan;
import dev.go4j.Interrupted;
import dev.go4j.Select;
import dev.go4j.WaitReason;
import dev.go4j.sync.WaitGroup;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Waits, the supported view of the park path: what is blocked where, the waits for it, the descriptions. */
class WaitsTest {
    @Test
    void aGoroutineParkedInAReceiveIsBlockedThereAndNowhereElse() {
        Chan<String> ch = Chan.make();
        Thread receiver = start(ch::receive);

        assertThat(Waits.awaitBlocked(receiver, WaitReason.CHAN_RECEIVE, TIMEOUT)).isTrue();

        assertThat(Waits.isBlocked(receiver, WaitReason.CHAN_RECEIVE)).isTrue();
        assertThat(Waits.isBlocked(receiver, WaitReason.CHAN_SEND)).isFalse();
        assertThat(Waits.countBlocked(ch, WaitReason.CHAN_RECEIVE)).isEqualTo(1);
        assertThat(Waits.blockedOn(ch, WaitReason.CHAN_RECEIVE)).containsExactly(receiver);
        assertThat(Waits.describe(receiver)).contains("[chan receive]").contains("thread state WAITING");
        assertThat(Waits.describeWaiting()).anyMatch(line -> line.contains(receiver.getName()));
        ch.send("x");
        join(receiver);
        assertThat(Waits.isBlocked(receiver, WaitReason.CHAN_RECEIVE)).isFalse();
        assertThat(Waits.blockedOn(ch, WaitReason.CHAN_RECEIVE)).isEmpty();
    }

    @Test
    void awaitBlockedOnAPrimitiveCountsEveryWaiterAndASelectOnEachChannel() {
        var wg = new WaitGroup();
        wg.add(1);
        Chan<String> a = Chan.make();
        Chan<String> b = Chan.make();
        Thread first = start(wg::await);
        Thread second = start(wg::await);
        Thread selecting = start(() -> Select.select(Select.onReceive(a, v -> { }), Select.onReceive(b, v -> { })));

        assertThat(Waits.awaitBlocked(wg, WaitReason.SYNC_WAITGROUP_WAIT, 2, TIMEOUT)).isTrue();
        assertThat(Waits.awaitBlocked(b, WaitReason.SELECT, 1, TIMEOUT)).isTrue();

        assertThat(Waits.blockedOn(wg, WaitReason.SYNC_WAITGROUP_WAIT)).containsExactlyInAnyOrder(first, second);
        assertThat(Waits.blockedOn(a, WaitReason.SELECT)).containsExactly(selecting);
        wg.done();
        a.send("a");
        join(first);
        join(second);
        join(selecting);
    }

    @Test
    void awaitBlockedGivesUpAfterTheTimeoutOrWhenTheThreadHasEnded() {
        Chan<String> ch = Chan.make();
        Thread receiver = start(ch::receive);
        assertThat(Waits.awaitBlocked(receiver, WaitReason.CHAN_RECEIVE, TIMEOUT)).isTrue();

        assertThat(Waits.awaitBlocked(receiver, WaitReason.CHAN_SEND, Duration.ofMillis(1))).isFalse();
        assertThat(Waits.awaitBlocked(ch, WaitReason.CHAN_RECEIVE, 2, Duration.ofMillis(1))).isFalse();
        ch.send("x");
        join(receiver);
        // A thread that has ended can never block: no need to wait for the (long) timeout.
        assertThat(Waits.awaitBlocked(receiver, WaitReason.CHAN_RECEIVE, Duration.ofDays(1))).isFalse();
        assertThatThrownBy(() -> Waits.awaitBlocked(ch, WaitReason.CHAN_RECEIVE, 0, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be at least 1, was 0");
    }

    @Test
    void anInterruptedAwaitThrowsInterruptedWithTheStatusSetAgain() {
        var outcome = new CompletableFuture<String>();
        Thread waiter = start(() -> {
            Thread.currentThread().interrupt();
            try {
                Waits.awaitBlocked(Chan.make(), WaitReason.CHAN_SEND, 1, TIMEOUT);
                outcome.complete("returned");
            } catch (Interrupted e) {
                outcome.complete("Interrupted, status " + Thread.currentThread().isInterrupted());
            }
        });
        join(waiter);
        assertThat(outcome).isCompletedWithValue("Interrupted, status true");
    }

    @Test
    void aThreadGo4jDidNotStartCountsWhileItWaitsInGo4j() throws InterruptedException {
        var wg = new WaitGroup();
        wg.add(1);
        Thread platform = Thread.ofPlatform().start(wg::await);

        assertThat(Waits.awaitBlocked(platform, WaitReason.SYNC_WAITGROUP_WAIT, TIMEOUT)).isTrue();
        assertThat(Waits.describe(platform)).startsWith(platform.getName() + ": thread ");
        wg.done();
        platform.join();
        assertThat(Waits.describe(platform)).contains("no go4j wait recorded");
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> Waits.isBlocked(null, WaitReason.SLEEP)).hasMessage("thread");
        assertThatThrownBy(() -> Waits.countBlocked(new Object(), null)).hasMessage("reason");
        assertThatThrownBy(() -> Waits.blockedOn(null, WaitReason.SLEEP)).hasMessage("primitive");
        assertThatThrownBy(() -> Waits.awaitBlocked(Thread.currentThread(), WaitReason.SLEEP, null))
                .hasMessage("timeout");
    }
}
