package dev.go4j.runtime;

import static dev.go4j.Go.go;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.FatalError;
import dev.go4j.Go;
import dev.go4j.Panic;
import dev.go4j.Select;
import dev.go4j.context.Context;
import dev.go4j.sync.Cond;
import dev.go4j.sync.Mutex;
import dev.go4j.sync.WaitGroup;
import dev.go4j.time.Ticker;
import dev.go4j.time.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Synctest bubbles (Go 1.25's testing/synctest): fake time that moves only when every goroutine is durably
 * blocked, await, Go's deadlock messages, the bubble's boundary. Every test here would take hours of real time
 * without the fake clock; each takes milliseconds.
 */
class BubblesTest {
    private static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    @Test
    void timeStartsAtGosEpochAndASleepMovesItExactly() {
        List<Instant> seen = new ArrayList<>();
        Bubbles.test(() -> {
            seen.add(Time.now());
            Go.sleep(Duration.ofHours(1));
            seen.add(Time.now());
            seen.add(Time.clock().instant());
        });
        assertThat(seen).containsExactly(EPOCH, EPOCH.plusSeconds(3600), EPOCH.plusSeconds(3600));
    }

    @Test
    void aTimeoutThatTakesAnHourTakesNoRealTime() {
        AtomicReference<String> chosen = new AtomicReference<>();
        long start = System.nanoTime();
        Bubbles.test(() -> {
            Chan<String> never = Chan.make();
            Select.select(
                    Select.onReceive(never, v -> chosen.set("value")),
                    Select.onReceive(Time.after(Duration.ofHours(1)), t -> chosen.set("timeout at " + t)));
        });
        assertThat(chosen.get()).isEqualTo("timeout at " + EPOCH.plusSeconds(3600));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void contextDeadlinesTickersAndAfterFuncUseTheBubblesClock() {
        List<String> events = new ArrayList<>();
        Bubbles.test(() -> {
            try (var ctx = Context.withTimeout(Context.background(), Duration.ofMinutes(5))) {
                ctx.done().receive();
                events.add("context done at " + Time.now() + ": " + ctx.err().getMessage());
            }
            Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
            for (int i = 0; i < 3; i++) {
                events.add("tick " + ticker.c().receive());
            }
            ticker.stop();
            Chan<String> fired = Chan.make();
            Time.afterFunc(Duration.ofSeconds(10), () -> fired.send("afterFunc ran at " + Time.now()));
            events.add(fired.receive());
        });
        Instant done = EPOCH.plusSeconds(300);
        assertThat(events).containsExactly(
                "context done at " + done + ": context deadline exceeded",
                "tick " + done.plusSeconds(1), "tick " + done.plusSeconds(2), "tick " + done.plusSeconds(3),
                "afterFunc ran at " + done.plusSeconds(13));
    }

    @Test
    void awaitReturnsOnceEveryOtherGoroutineIsDurablyBlocked() {
        List<String> events = new ArrayList<>();
        Bubbles.test(() -> {
            Chan<Integer> results = Chan.make();
            var wg = new WaitGroup();
            var mu = new Mutex();
            var cond = new Cond(mu);
            go(() -> results.send(1));
            go(() -> {
                mu.lock();
                cond.await();
                mu.unlock();
                events.add("cond woken");
            });
            wg.add(1);
            go(wg::await);
            Bubbles.await();
            events.add("all blocked");
            events.add("received " + results.receive());
            mu.lock();
            cond.signal();
            mu.unlock();
            wg.done();
        });
        assertThat(events).containsExactly("all blocked", "received 1", "cond woken");
    }

    @Test
    void sleepMovesTimeThenAwaits() {
        List<String> events = new ArrayList<>();
        Bubbles.test(() -> {
            go(() -> {
                Go.sleep(Duration.ofSeconds(1));
                events.add("worker woke at " + Time.now());
            });
            Bubbles.sleep(Duration.ofSeconds(2));
            events.add("main after sleep at " + Time.now());
        });
        assertThat(events).containsExactly("worker woke at " + EPOCH.plusSeconds(1),
                "main after sleep at " + EPOCH.plusSeconds(2));
    }

    @Test
    void theSameBubbleRunsTheSameWayEveryTime() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            List<String> order = new ArrayList<>();
            Bubbles.test(() -> {
                Chan<String> out = Chan.make();
                for (int i = 0; i < 5; i++) {
                    int n = i;
                    go(() -> {
                        Go.sleep(Duration.ofMillis(10L * (5 - n)));
                        out.send("worker " + n + " at " + Time.now());
                    });
                }
                for (int i = 0; i < 5; i++) {
                    order.add(out.receive());
                }
            });
            runs.add(order);
        }
        assertThat(runs).allSatisfy(order -> assertThat(order).isEqualTo(runs.get(0)));
        assertThat(runs.get(0).get(0)).isEqualTo("worker 4 at " + EPOCH.plusMillis(10));
    }

    @Test
    void allDurablyBlockedWithNothingPendingIsADeadlock() {
        assertThatThrownBy(() -> Bubbles.test(() -> Chan.<Integer>make().named("results").receive()))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("deadlock: all goroutines in bubble are blocked\n\ngoroutine ")
                .hasMessageContaining(" [chan receive (durable), synctest bubble ")
                .hasMessageContaining(", on \"results\"]:");
    }

    @Test
    void blockedGoroutinesLeftWhenTheBodyReturnsAreADeadlock() {
        assertThatThrownBy(() -> Bubbles.test(() -> {
            Chan<Integer> never = Chan.make();
            go(never::receive);
            go(() -> Go.sleep(Duration.ofHours(1))); // time has stopped: the sleeper never wakes
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("deadlock: main bubble goroutine has exited but blocked goroutines remain");
    }

    @Test
    void whatTheBodyThrowsIsRethrownAsItIs() {
        assertThatThrownBy(() -> Bubbles.test(() -> {
            throw new IllegalStateException("from the body");
        })).isInstanceOf(IllegalStateException.class).hasMessage("from the body");
    }

    @Test
    void whatAGoroutineThrowsFailsTheBubble() {
        assertThatThrownBy(() -> Bubbles.test(() -> {
            go(() -> {
                throw new Panic("from a goroutine");
            });
            Go.sleep(Duration.ofHours(1));
        })).isInstanceOf(Panic.class).hasMessage("from a goroutine");
    }

    @Test
    void usingABubblesChannelFromOutsideIsFatal() {
        AtomicReference<Throwable> outside = new AtomicReference<>();
        Bubbles.test(() -> {
            Chan<Integer> ch = Chan.make(1);
            Thread platform = Thread.ofPlatform().start(() -> {
                try {
                    ch.send(1);
                } catch (Throwable t) {
                    outside.set(t);
                }
            });
            platform.join(); // a JDK wait: not durable, so the bubble waits for it
        });
        assertThat(outside.get()).isInstanceOf(FatalError.class)
                .hasMessage("send on synctest channel from outside bubble");
    }

    @Test
    void aWaitOutsideGo4jIsNotDurable() {
        AtomicReference<String> got = new AtomicReference<>();
        Bubbles.test(() -> {
            Chan<String> ch = Chan.make();
            Thread.ofVirtual().start(() -> { // not a goroutine: runs on the bubble's carrier, never durable
                try {
                    Thread.sleep(50); // real time
                } catch (InterruptedException e) {
                    return;
                }
                ch.send("from a virtual thread");
            });
            got.set(ch.receive());
        });
        assertThat(got.get()).isEqualTo("from a virtual thread");
    }

    @Test
    void bubblesDoNotNestAndAwaitNeedsABubble() {
        assertThatThrownBy(() -> Bubbles.test(() -> Bubbles.test(() -> { })))
                .isInstanceOf(Panic.class).hasMessage("synctest.Test called from within a synctest bubble");
        assertThatThrownBy(Bubbles::await)
                .isInstanceOf(Panic.class).hasMessage("synctest.Wait not called from within a synctest bubble");
    }

    @Test
    void goroutinesOutsideTheBubbleKeepRealTime() {
        Chan<Instant> outside = Chan.make(1);
        Bubbles.test(() -> {
            Chan<Empty> done = Chan.make();
            Thread.ofPlatform().start(() -> {
                go(() -> outside.send(Time.now())); // started by a platform thread: not in the bubble
                done.trySend(Empty.VALUE);
            });
            Go.sleep(Duration.ofDays(365));
        });
        assertThat(outside.receive()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void aBubblesWaitGroupCondAndTimerAreFatalToUseFromOutside() {
        List<Throwable> outside = new ArrayList<>();
        Bubbles.test(() -> {
            var wg = new WaitGroup();
            wg.add(1);
            var cond = new Cond(new Mutex());
            var timer = Time.newTimer(Duration.ofHours(1));
            Thread platform = Thread.ofPlatform().start(() -> {
                for (Runnable misuse : List.<Runnable>of(wg::done, cond::signal, cond::broadcast, timer::stop)) {
                    try {
                        misuse.run();
                    } catch (Throwable t) {
                        outside.add(t);
                    }
                }
            });
            platform.join();
            wg.done();
        });
        assertThat(outside).extracting(Throwable::getMessage).containsExactly(
                "sync: WaitGroup.Add called from inside and outside synctest bubble",
                "sync: Cond.Signal called from outside synctest bubble",
                "sync: Cond.Broadcast called from outside synctest bubble",
                "synctest timer accessed from outside bubble");
        assertThat(outside).allMatch(t -> t instanceof FatalError);
    }

    /**
     * A Mutex wait is not durable (Go's rule), so while a goroutine waits for a lock the bubble's time cannot
     * move: a bubble whose main sleeps meanwhile is stuck, and the watchdog (1 s here) fails it with the dump.
     */
    @Test
    void aMutexWaitIsNotDurableAndAStuckBubbleFailsWithItsDump() throws Exception {
        var outcome = dev.go4j.programs.JavaProcess.run(
                List.of(dev.go4j.programs.JavaProcess.SCHEDULER_ACCESS, "-Dgo4j.synctest.watchdogSeconds=1"),
                StuckBubble.class, dev.go4j.programs.JavaProcess.TIMEOUT);
        assertThat(outcome.stdout())
                .startsWith("synctest: bubble 1 made no progress for 1 s of real time")
                .contains(" [sync.Mutex.Lock, synctest bubble 1]:")
                .contains(" [sleep (durable), synctest bubble 1]:")
                .contains("\ncarrier go4j-synctest-carrier [");
    }

    /** The program of the test above. */
    static final class StuckBubble {
        public static void main(String[] args) {
            try {
                Bubbles.test(() -> {
                    var mu = new Mutex();
                    mu.lock();
                    go(mu::lock);
                    Go.sleep(Duration.ofMinutes(1));
                    mu.unlock();
                });
                System.out.println("no failure");
            } catch (AssertionError e) {
                System.out.println(e.getMessage());
            }
        }
    }
}
