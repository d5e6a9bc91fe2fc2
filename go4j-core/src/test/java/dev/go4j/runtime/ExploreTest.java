package dev.go4j.runtime;

import static dev.go4j.Go.go;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.Select;
import dev.go4j.Task;
import dev.go4j.sync.Cond;
import dev.go4j.sync.Mutex;
import dev.go4j.sync.WaitGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Schedule exploration on the classic ordering bugs that plain repeated runs rarely hit: each buggy body is found
 * within the default budget and replayed from its seed, and each fixed body passes every schedule tried. Plain
 * fields are fine here: on the bubble's one carrier, code between two go4j operations runs without interruption.
 */
class ExploreTest {
    /** The budget a test of go4j-testing's {@code @Explore} gets by default. */
    private static final int SCHEDULES = 1000;
    private static final long SEED = 20261201L;

    /** Asserts that exploration finds {@code buggy} failing and that replaying its seed fails the same way. */
    private static ExplorationReport assertFound(Task buggy) {
        ExplorationReport report = Bubbles.explore(SCHEDULES, SEED, buggy);
        assertThat(report.failure()).as("a failing schedule among %d", report.schedules()).isPresent();
        assertThat(report.trace()).isNotEmpty();
        Throwable failure = report.failure().orElseThrow();
        String headline = failure.getMessage().lines().findFirst().orElseThrow(); // dumps carry global ids
        assertThatThrownBy(() -> Bubbles.replay(report.failingSeed().orElseThrow(), buggy))
                .isInstanceOf(failure.getClass())
                .hasMessageStartingWith(headline);
        return report;
    }

    private static void assertPassesEverySchedule(Task fixed) {
        ExplorationReport report = Bubbles.explore(SCHEDULES, SEED, fixed);
        assertThat(report.failure()).isEmpty();
        assertThat(report.schedules()).isEqualTo(SCHEDULES);
    }

    // ---- 1. Check-then-act across a channel hand-off. ----

    private static Task withdrawals(boolean locked) {
        return () -> {
            int[] balance = {10};
            Chan<String> audit = Chan.make(8);
            var mu = new Mutex();
            var wg = new WaitGroup();
            for (int i = 0; i < 2; i++) {
                wg.go(() -> {
                    if (locked) {
                        mu.lock();
                    }
                    if (balance[0] >= 10) {
                        audit.send("withdraw 10"); // a hand-off between the check and the act
                        balance[0] -= 10;
                    }
                    if (locked) {
                        mu.unlock();
                    }
                });
            }
            wg.await();
            assertThat(balance[0]).as("balance").isNotNegative();
        };
    }

    @Test
    void aCheckThenActRaceAcrossAChannelHandOffIsFound() {
        ExplorationReport report = assertFound(withdrawals(false));
        assertThat(report.failure().orElseThrow()).hasMessageContaining("balance");
        assertPassesEverySchedule(withdrawals(true));
    }

    // ---- 2. A lost wake-up: signal without the lock, `if` instead of `while`. ----

    private static Task handOver(boolean correct) {
        return () -> {
            var mu = new Mutex();
            var cond = new Cond(mu);
            boolean[] ready = {false};
            go(() -> {
                if (correct) {
                    mu.lock();
                }
                ready[0] = true;
                cond.signal();
                if (correct) {
                    mu.unlock();
                }
            });
            mu.lock();
            if (correct) {
                while (!ready[0]) {
                    cond.await();
                }
            } else if (!ready[0]) {
                cond.await(); // the signal may come between the check and the wait: lost
            }
            mu.unlock();
        };
    }

    @Test
    void aLostWakeUpOfAMisusedCondIsFoundAsADeadlock() {
        ExplorationReport report = assertFound(handOver(false));
        assertThat(report.failure().orElseThrow()).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("deadlock: all goroutines in bubble are blocked")
                .hasMessageContaining("[sync.Cond.Wait (durable), synctest bubble ");
        assertPassesEverySchedule(handOver(true));
    }

    // ---- 3. A missing close deadlocks a range. ----

    private static Task produce(boolean closes) {
        return () -> {
            Chan<Integer> items = Chan.make();
            go(() -> {
                for (int i = 0; i < 3; i++) {
                    items.send(i);
                }
                if (closes) {
                    items.close();
                }
            });
            int sum = 0;
            for (int item : items) {
                sum += item;
            }
            assertThat(sum).isEqualTo(3);
        };
    }

    @Test
    void aMissingCloseThatDeadlocksARangeIsFound() {
        ExplorationReport report = assertFound(produce(false));
        assertThat(report.failure().orElseThrow()).hasMessageContaining("[chan receive (durable)");
        assertPassesEverySchedule(produce(true));
    }

    // ---- 4. Reading a result before WaitGroup.await. ----

    private static Task result(boolean waitsFirst) {
        return () -> {
            int[] result = {0};
            var wg = new WaitGroup();
            wg.go(() -> result[0] = 42);
            int read = waitsFirst ? -1 : result[0];
            wg.await();
            if (waitsFirst) {
                read = result[0];
            }
            assertThat(read).as("the result").isEqualTo(42);
        };
    }

    @Test
    void readingAResultBeforeWaitGroupAwaitIsFound() {
        assertFound(result(false));
        assertPassesEverySchedule(result(true));
    }

    // ---- 5. A lazy initialisation checked outside the Mutex and not again inside it. ----

    private static Task lazyInit(boolean rechecks) {
        return () -> {
            Object[] value = {null};
            AtomicInteger initialisations = new AtomicInteger();
            var mu = new Mutex();
            var wg = new WaitGroup();
            for (int i = 0; i < 2; i++) {
                wg.go(() -> {
                    if (value[0] == null) {
                        mu.lock();
                        if (!rechecks || value[0] == null) {
                            value[0] = new Object();
                            initialisations.incrementAndGet();
                        }
                        mu.unlock();
                    }
                });
            }
            wg.await();
            assertThat(initialisations.get()).as("initialisations").isEqualTo(1);
        };
    }

    @Test
    void aDoubleInitialisationIsFound() {
        assertFound(lazyInit(false));
        assertPassesEverySchedule(lazyInit(true));
    }

    // ---- Exploration itself. ----

    @Test
    void schedulesDifferAndTheSameSeedGivesTheSameSchedule() {
        Task body = () -> {
            List<Integer> order = new ArrayList<>();
            var wg = new WaitGroup();
            for (int i = 0; i < 3; i++) {
                int n = i;
                wg.go(() -> order.add(n));
            }
            wg.await();
        };
        ExplorationReport report = Bubbles.explore(200, SEED, body);
        assertThat(report.failure()).isEmpty();
        assertThat(report.distinctInterleavings()).isGreaterThan(1);
        Bubbles.replay(SEED, body); // deterministic: both runs make the same decisions
    }

    @Test
    void selectsRandomChoiceComesFromTheSeed() {
        Task body = () -> {
            Chan<Integer> a = Chan.make(1);
            Chan<Integer> b = Chan.make(1);
            a.send(1);
            b.send(2);
            int[] chosen = {0};
            Select.select(Select.onReceive(a, v -> chosen[0] = v), Select.onReceive(b, v -> chosen[0] = v));
            assertThat(chosen[0]).as("the chosen case").isEqualTo(1); // wrong half the time
        };
        ExplorationReport report = assertFound(body);
        assertThat(report.schedules()).isLessThan(50);
    }

    @Test
    void aBodyThatIsNotDeterministicGivenItsScheduleIsCaughtOnReplay() {
        AtomicInteger runs = new AtomicInteger();
        Task body = () -> {
            var wg = new WaitGroup();
            int n = runs.incrementAndGet(); // not from the seed: the replay's second run starts one more goroutine
            for (int i = 0; i < n; i++) {
                wg.go(Go::gosched);
            }
            wg.await();
        };
        assertThatThrownBy(() -> Bubbles.replay(SEED, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("diverged: the body is not deterministic given its schedule");
    }

    @Test
    void theTraceNamesGoroutinesAndPrimitivesInTheBubblesOwnNumbering() {
        ExplorationReport report = assertFound(produce(false));
        assertThat(report.trace().get(0)).isEqualTo("g1 runs");
        assertThat(report.trace()).anyMatch(d -> d.matches("g2 chan send #\\d+"))
                .anyMatch(d -> d.matches("g1 chan receive #\\d+"));
    }

    @Test
    void aScheduleBudgetBelowOneIsRejected() {
        assertThatThrownBy(() -> Bubbles.explore(0, SEED, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("schedules must be at least 1, was 0");
    }
}
