package dev.go4j.time;

import static dev.go4j.Go.go;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.go4j.Chan;
import dev.go4j.ReceiveChan;
import dev.go4j.TryReceive;
import dev.go4j.WaitReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Timer and ticker channels have Go 1.23's synchronous semantics (nothing buffered, nothing stale after stop or
 * reset, no tick lost) and tickers keep time: a port of Go's {@code time/tick_test.go}.
 *
 * <p>go4j has only Go 1.23's synchronous timer channels, so of Go's {@code TestChan} the port runs the
 * {@code asynctimerchan=0} case, for a Timer and for a Ticker. Where Go waits with a sleep for a goroutine to
 * block on the channel, the port waits until it is blocked ({@code awaitBlocked}); sleeps remain only where the
 * test checks that nothing arrives meanwhile.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TickPortTest {

    /**
     * Port of Go's TestTicker (time/tick_test.go): a ticker delivers count/2 ticks at its period, then count/2 at
     * the doubled period after a reset, within 30 % of the expected total; once stopped it delivers nothing more.
     * Tried with 10 ticks of 20 ms, then 8 of 1 s, as in Go.
     */
    @Test
    void ticker() {
        record Attempt(int count, Duration delta) {
        }
        List<String> errs = new ArrayList<>();
        for (Attempt test : List.of(new Attempt(10, ms(20)), new Attempt(8, Duration.ofSeconds(1)))) {
            int count = test.count();
            Duration delta = test.delta();
            Ticker ticker = Time.newTicker(delta);
            long t0 = System.nanoTime();
            for (int i = 0; i < count / 2; i++) {
                ticker.c().receive();
            }
            ticker.reset(delta.multipliedBy(2));
            for (int i = 0; i < count - count / 2; i++) {
                ticker.c().receive();
            }
            ticker.stop();
            Duration dt = Duration.ofNanos(System.nanoTime() - t0);
            Duration target = delta.multipliedBy(3L * (count / 2));
            Duration slop = target.multipliedBy(3).dividedBy(10);
            if (dt.compareTo(target.minus(slop)) < 0 || dt.compareTo(target.plus(slop)) > 0) {
                errs.add(String.format("%d %s ticks then %d %s ticks took %s, expected [%s,%s]", count / 2, delta,
                        count / 2, delta.multipliedBy(2), dt, target.minus(slop), target.plus(slop)));
                if (dt.compareTo(target.plus(slop)) > 0) {
                    Time.sleep(ms(500)); // the system may be overloaded: give it a moment to recover
                }
                continue;
            }
            // Now test that the ticker stopped.
            Time.sleep(delta.multipliedBy(2));
            if (ready(ticker.c().tryReceive())) {
                errs.add("Ticker did not shut down");
                continue;
            }
            if (!errs.isEmpty()) {
                log("ticker: saw %d errors, ignoring to avoid flakiness: %s", errs.size(), errs);
            }
            return;
        }
        fail("saw %d errors: %s", errs.size(), errs);
    }

    /** Go's {@code TestChan} subtests {@code Timer} and {@code Ticker}. */
    enum Kind {
        TIMER(d -> TimerLike.of(Time.newTimer(d))),
        TICKER(d -> TimerLike.of(Time.newTicker(d)));

        private final Function<Duration, TimerLike> create;

        Kind(Function<Duration, TimerLike> create) {
            this.create = create;
        }
    }

    /**
     * Port of Go's TestChan with asynctimerchan=0, that is testTimerChan with synctimerchan (time/tick_test.go):
     * stop and reset of a timer or ticker, idle, pending or with goroutines blocked on its channel (plain receive
     * and select), never deliver a value of an earlier setting and never lose the value of the current one; the
     * channel reports {@code len} and {@code cap} 0 even with a value due; stop and reset report whether a value was
     * still to come, a fired but unreceived one included.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void chan(Kind kind) {
        TimerLike tim = kind.create.apply(Duration.ofSeconds(10_000));
        new TimerChanCheck(tim, kind == Kind.TICKER).run();
    }

    /** Go's testTimerChan for synchronous timer channels, with its helpers. */
    private static final class TimerChanCheck {
        /** Go's retry parameters: a check that waits polls every {@code SCHED}, up to {@code TRIES} times. */
        private static final Duration SCHED = ms(10);
        private static final int TRIES = 100;
        private static final Duration ONE = Duration.ofNanos(1);
        private static final Duration FAR = Duration.ofSeconds(10_000);

        private final TimerLike tim;
        private final ReceiveChan<Instant> c;
        private final boolean isTicker;
        /** Go's t.Errorf: failures that let the check go on; reported together at the end. */
        private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

        TimerChanCheck(TimerLike tim, boolean isTicker) {
            this.tim = tim;
            this.c = tim.c();
            this.isTicker = isTicker;
        }

        void run() {
            // Simple stop; the timer was never in the heap.
            tim.stop();
            noTick("after stop of a timer never in the heap");

            // Modify of a timer not in the heap.
            tim.reset(FAR);
            noTick("after reset of a timer not in the heap");

            // Modify of a timer in the heap: a value is due, yet the channel reports nothing buffered. (Go has
            // this len/cap check commented out; go4j documents both as 0.)
            tim.reset(ONE);
            Time.sleep(SCHED);
            if (c.len() != 0 || c.cap() != 0) {
                errors.add("len(C), cap(C) = " + c.len() + ", " + c.cap() + ", want 0, 0");
            }
            assertTick("after reset(1ns) of a timer in the heap");

            // Sleep long enough that a second tick must happen if this is a ticker; the reset must discard it.
            Time.sleep(SCHED);
            tim.reset(FAR);
            noTick("after reset of a ticker whose next tick was due");

            // Reset the timer in the heap (already done above, but just in case).
            tim.reset(FAR);

            // Stop while the timer is in the heap because a goroutine is blocked on <-C.
            Chan<Boolean> done = Chan.make();
            notDone(done, "before the receiver started");
            go(() -> {
                c.receive();
                done.close();
            });
            awaitBlocked(c, WaitReason.CHAN_RECEIVE, 1);
            notDone(done, "receiver blocked, timer 10000 s away");

            // Reset far away while the timer is in the heap.
            tim.reset(Duration.ofSeconds(20_000));
            Time.sleep(SCHED);
            notDone(done, "after reset to 20000 s with a receiver blocked");

            // Imminent reset while in the heap.
            tim.reset(ONE);
            waitDone(done, "receiver after reset(1ns)");

            // A ticker has another tick in already (they are 1 ns apart); a timer has stopped.
            if (isTicker) {
                assertTick("second tick of a 1 ns ticker");
            } else {
                noTick("after the timer's one value was received");
            }

            tim.stop();
            noTick("after stop");

            // Again using select, with two goroutines waiting.
            tim.reset(FAR);
            Chan<Boolean> done2Values = Chan.make(2);
            Chan<Boolean> done1 = Chan.make();
            Chan<Boolean> done2 = Chan.make();
            Chan<Boolean> stop = Chan.make();
            for (Chan<Boolean> finished : List.of(done1, done2)) {
                go(() -> {
                    select(onReceive(c, v -> done2Values.send(true)), onReceive(stop, v -> { }));
                    finished.close();
                });
            }
            awaitBlocked(c, WaitReason.SELECT, 2);
            notDone(done2Values, "two selects blocked, timer 10000 s away");
            tim.reset(SCHED.dividedBy(2));
            Time.sleep(SCHED);
            waitDone(done2Values, "a select after reset(5ms)");
            tim.stop();
            stop.close();
            waitDone(done1, "first select after stop");
            waitDone(done2, "second select after stop");
            if (isTicker) {
                // A further tick may have reached the other select (done is buffered for it)...
                done2Values.tryReceive();
                // ...and one more may be waiting in C; Go discards both.
                c.tryReceive();
            }
            notDone(done2Values, "after stop and both selects ended");

            // Selects enqueued on the channel of a stopped timer receive nothing.
            Chan<Boolean> stop2 = Chan.make();
            Chan<Boolean> done3 = Chan.make(2);
            for (int i = 0; i < 2; i++) {
                go(() -> {
                    select(onReceive(c, v -> errors.add("unexpected data on the channel of a stopped timer")),
                            onReceive(stop2, v -> { }));
                    done3.send(true);
                });
            }
            awaitBlocked(c, WaitReason.SELECT, 2);
            stop2.close();
            waitDone(done3, "first select on a stopped timer");
            waitDone(done3, "second select on a stopped timer");

            // Stop and Reset block old values from being received (Go proposal 37196).
            tim.reset(ONE);
            Time.sleep(ms(10));
            if (!tim.stop()) {
                errors.add("tim.Stop() = false after its value was due, want true");
            }
            noTick("after stop of a timer whose value was due");

            tim.reset(Duration.ofHours(1));
            noTick("after reset to an hour");
            if (!tim.reset(ONE)) {
                errors.add("tim.Reset(1ns) = false for a timer an hour away, want true");
            }
            assertTick("after reset(1ns)");
            Time.sleep(ms(10));
            if (isTicker) {
                assertTick("the next tick of a 1 ns ticker");
                Time.sleep(ms(10));
            } else {
                noTick("after the timer's one value was received");
            }
            boolean pending = tim.reset(Duration.ofHours(1));
            if (pending != isTicker) {
                errors.add("tim.Reset(1h) = " + pending + ", want " + isTicker);
            }
            noTick("after the final reset to an hour");

            assertThat(errors).isEmpty();
        }

        /** Nothing may be waiting in C. */
        private void noTick(String when) {
            if (ready(c.tryReceive())) {
                errors.add("extra tick " + when);
            }
        }

        /** A value arrives in C soon (polled every SCHED, TRIES times). */
        private void assertTick(String when) {
            if (ready(c.tryReceive())) {
                return;
            }
            for (int i = 0; i < TRIES; i++) {
                Time.sleep(SCHED);
                if (ready(c.tryReceive())) {
                    return;
                }
            }
            errors.add("missing tick " + when);
        }

        /** Go's t.Fatalf("early done"). */
        private void notDone(Chan<Boolean> done, String when) {
            if (ready(done.tryReceive())) {
                fail("early done: %s; earlier errors: %s", when, errors);
            }
        }

        /** Go's t.Fatalf("never got done"). */
        private void waitDone(Chan<Boolean> done, String what) {
            for (int i = 0; i < TRIES; i++) {
                Time.sleep(SCHED);
                if (ready(done.tryReceive())) {
                    return;
                }
            }
            fail("never got done: %s; earlier errors: %s", what, errors);
        }
    }

    /**
     * Port of Go's TestAfterTimes (time/tick_test.go): the value of {@code after(10ms)} received 500 ms later is
     * the time it was due, not the time it was received. Ten failures in a row are needed to fail, as in Go.
     */
    @Test
    void afterTimes() {
        for (int i = 0; i < 10; i++) {
            Instant start = Time.now();
            ReceiveChan<Instant> c = Time.after(ms(10));
            Time.sleep(ms(500));
            Duration dt = Duration.between(start, c.receive());
            if (dt.compareTo(ms(400)) < 0) {
                return;
            }
            log("afterTimes: After(10ms) time is +%s, want <400ms", dt);
        }
        fail("not working");
    }

    /**
     * Port of Go's TestTickTimes (time/tick_test.go): likewise, the first value of {@code tick(10ms)} received
     * 500 ms later is the time the tick was due.
     */
    @Test
    void tickTimes() {
        for (int i = 0; i < 10; i++) {
            Instant start = Time.now();
            ReceiveChan<Instant> c = Time.tick(ms(10));
            Time.sleep(ms(500));
            Duration dt = Duration.between(start, c.receive());
            if (dt.compareTo(ms(400)) < 0) {
                return;
            }
            log("tickTimes: Tick(10ms) time is +%s, want <400ms", dt);
        }
        fail("not working");
    }

    /** True if a non-blocking receive got something: Go's {@code case <-c:} winning over {@code default}. */
    private static boolean ready(TryReceive<?> r) {
        return !(r instanceof TryReceive.WouldBlock);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** Go's {@code t.Logf}: notes on a retried round, in the test's output. */
    private static void log(String format, Object... args) {
        System.out.printf("TickPortTest: " + format + "%n", args);
    }
}
