package dev.go4j.time;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.startBlocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Chan;
import dev.go4j.Panic;
import dev.go4j.ReceiveChan;
import dev.go4j.Select;
import dev.go4j.TryReceive;
import dev.go4j.WaitReason;
import dev.go4j.internal.chan.ChannelProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Go 1.23 timer semantics: sleep, after, tick, Timer, Ticker, afterFunc. */
class TimeTest {
    @Test
    void sleepLastsAtLeastItsDurationAndGoSleepIsTheSame() {
        long start = System.nanoTime();
        Time.sleep(Duration.ofMillis(15));
        dev.go4j.Go.sleep(Duration.ofMillis(15));
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
        Time.sleep(Duration.ZERO);
        Time.sleep(Duration.ofMillis(-5));
    }

    @Test
    void afterDeliversTheDueInstantOnceAfterTheDelay() {
        Duration d = Duration.ofMillis(30);
        Instant before = Instant.now();
        long start = System.nanoTime();
        ReceiveChan<Instant> ch = Time.after(d);
        Instant value = ch.receive();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(d.toNanos());
        assertThat(value).isBetween(before.plus(d).minusMillis(5), Instant.now().plusMillis(5));
        assertThat(ch.tryReceive()).isInstanceOf(TryReceive.WouldBlock.class);
    }

    @Test
    void nonPositiveDurationsFireAtOnce() throws Exception {
        assertThat(Time.after(Duration.ZERO).tryReceive()).isInstanceOf(TryReceive.Value.class);
        assertThat(Time.after(Duration.ofSeconds(-1)).tryReceive()).isInstanceOf(TryReceive.Value.class);
        Timer timer = Time.newTimer(Duration.ofHours(1));
        timer.reset(Duration.ZERO);
        assertThat(timer.c().tryReceive()).isInstanceOf(TryReceive.Value.class);
        var ran = new CompletableFuture<String>();
        Time.afterFunc(Duration.ZERO, () -> ran.complete(Thread.currentThread().getName()));
        assertThat(await(ran)).startsWith("goroutine ");
    }

    @Test
    void tickersRejectNonPositiveIntervalsWithGoTexts() {
        assertThatThrownBy(() -> Time.newTicker(Duration.ZERO)).isInstanceOf(Panic.class)
                .hasMessage("non-positive interval for NewTicker");
        Ticker ticker = Time.newTicker(Duration.ofHours(1));
        assertThatThrownBy(() -> ticker.reset(Duration.ofSeconds(-1))).isInstanceOf(Panic.class)
                .hasMessage("non-positive interval for Ticker.Reset");
        ticker.stop();
        assertThat(Time.tick(Duration.ZERO)).isSameAs(Chan.nil());
        assertThat(Time.tick(Duration.ofMillis(-1))).isSameAs(Chan.nil());
    }

    @Test
    void timerChannelsAreSynchronous() {
        Timer timer = Time.newTimer(Duration.ZERO);
        assertThat(ChannelProbe.buffered(timer.c())).as("fired value waits in the hidden slot").isEqualTo(1);
        assertThat(timer.c().cap()).isZero();
        assertThat(timer.c().len()).isZero();
        Ticker ticker = Time.newTicker(Duration.ofHours(1));
        assertThat(ticker.c().cap()).isZero();
        ticker.stop();
    }

    @Test
    void stopBeforeFiringReturnsTrueAndNothingIsEverDelivered() {
        Timer timer = Time.newTimer(Duration.ofMillis(20));
        assertThat(timer.stop()).isTrue();
        assertThat(timer.stop()).as("already stopped").isFalse();
        assertThat(Select.select(Duration.ofMillis(60), Select.onReceive(timer.c(), v -> { }))).isFalse();
    }

    @Test
    void aFiredButUnreceivedValueIsDiscardedByStopWhichReturnsTrue() {
        Timer timer = Time.newTimer(Duration.ZERO);
        assertThat(ChannelProbe.buffered(timer.c())).isEqualTo(1);
        assertThat(timer.stop()).isTrue();
        assertThat(timer.c().tryReceive()).isInstanceOf(TryReceive.WouldBlock.class);
    }

    @Test
    void stopAfterTheValueWasReceivedReturnsFalse() {
        Timer timer = Time.newTimer(Duration.ofMillis(1));
        timer.c().receive();
        assertThat(timer.stop()).isFalse();
    }

    @Test
    void resetDiscardsTheEarlierValueAndRearms() {
        Timer timer = Time.newTimer(Duration.ZERO);
        Instant first = Instant.now();
        assertThat(timer.reset(Duration.ofMillis(30))).as("its value was pending").isTrue();
        assertThat(timer.c().tryReceive()).isInstanceOf(TryReceive.WouldBlock.class);
        Instant value = timer.c().receive();
        assertThat(value).isAfterOrEqualTo(first.plusMillis(25));
        assertThat(timer.reset(Duration.ofHours(1))).as("value received").isFalse();
        assertThat(timer.stop()).isTrue();
    }

    @Test
    void afterFuncRunsInItsOwnGoroutineUnlessStopped() throws Exception {
        var ran = new CountDownLatch(1);
        Timer timer = Time.afterFunc(Duration.ofMillis(5), ran::countDown);
        assertThat(timer.c()).isSameAs(Chan.nil());
        await(ran);
        assertThat(timer.stop()).as("already started").isFalse();

        var stopped = new CountDownLatch(1);
        Timer never = Time.afterFunc(Duration.ofMillis(50), stopped::countDown);
        assertThat(never.stop()).isTrue();
        assertThat(stopped.await(150, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(never.reset(Duration.ZERO)).isFalse();
        assertThat(stopped.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("reset re-arms").isTrue();
    }

    @Test
    void aTickerKeepsAtMostOnePendingTick() {
        Ticker ticker = Time.newTicker(Duration.ofMillis(2));
        try {
            Time.sleep(Duration.ofMillis(200)); // about a hundred ticks come due; none is received
            assertThat(ChannelProbe.buffered(ticker.c())).isEqualTo(1);
            Instant first = ticker.c().receive();
            Instant second = ticker.c().receive();
            // Had the ticks queued up, the second would be due 2 ms after the first.
            assertThat(Duration.between(first, second)).isGreaterThan(Duration.ofMillis(50));
        } finally {
            ticker.stop();
        }
        assertThat(ticker.c().tryReceive()).as("stop discards a pending tick").isInstanceOf(
                TryReceive.WouldBlock.class);
    }

    @Test
    void tickerDeliversRepeatedlyAndResetChangesThePeriod() {
        Ticker ticker = Time.newTicker(Duration.ofMillis(3));
        Instant a = ticker.c().receive();
        Instant b = ticker.c().receive();
        assertThat(Duration.between(a, b)).isGreaterThanOrEqualTo(Duration.ofMillis(3));
        ticker.reset(Duration.ofMillis(40));
        long start = System.nanoTime();
        ticker.c().receive();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(35).toNanos());
        ticker.stop();
    }

    @Test
    void afterWorksAsASelectTimeout() {
        Chan<String> never = Chan.make();
        var timedOut = new boolean[1];
        long start = System.nanoTime();
        Select.select(Select.onReceive(never, v -> { }),
                Select.onReceive(Time.after(Duration.ofMillis(20)), t -> timedOut[0] = true));
        assertThat(timedOut[0]).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
    }

    @Test
    void aGoroutineBlockedOnAnOtherwiseUnreferencedAfterChannelStillWakes() throws Exception {
        var woke = new CompletableFuture<Instant>();
        startBlocked(WaitReason.CHAN_RECEIVE, () -> woke.complete(Time.after(Duration.ofMillis(300)).receive()));
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertThat(await(woke)).isNotNull();
    }
}
