package dev.go4j.stress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.Interrupted;
import dev.go4j.stress.ExactlyOnceStress.Config;
import dev.go4j.stress.ExactlyOnceStress.Outcome;
import dev.go4j.stress.ExactlyOnceStress.Report;
import dev.go4j.stress.ExactlyOnceStress.Strategy;
import dev.go4j.stress.ExactlyOnceStress.Worker;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once delivery under a random mix of blocking, non-blocking and select operations, interrupts and
 * closes. The quick runs are part of the default suite; the soak ({@code mvn -Pstress verify}) runs ten million
 * operations. Each prints its seed; {@code -Dgo4j.stress.seed=N} replays a run's random choices. All are tagged
 * "stress", which {@code -Pshort} skips.
 */
@Tag("stress")
class ChanStressTest {

    private static Report runAndPrint(String name, Config config, Strategy strategy) throws Exception {
        long start = System.nanoTime();
        Report report = ExactlyOnceStress.run(config, strategy);
        System.out.printf("%s: seed=%d (replay with -Dgo4j.stress.seed=%d), %d operations, %d sent, %d received,"
                        + " %d interrupted, %.1f s%n", name, report.seed(), report.seed(), report.operations(),
                report.sent(), report.received(), report.interrupts(), (System.nanoTime() - start) / 1e9);
        return report;
    }

    private static void assertExactlyOnce(Report report) {
        assertThat(report.violations()).as("seed %d", report.seed()).isEmpty();
    }

    @Test
    void plainOperationsWithInterruptsAndRandomClose() throws Exception {
        var config = new Config(Config.seedFromProperty(), 4, 3, 3, 150_000, false, true, true);
        Report report = runAndPrint("plain", config, ExactlyOnceStress.CORRECT);
        assertExactlyOnce(report);
        assertThat(report.operations()).isGreaterThanOrEqualTo(200_000);
    }

    @Test
    void selectsMixedWithPlainOperationsInterruptsAndRandomClose() throws Exception {
        var config = new Config(Config.seedFromProperty(), 4, 4, 4, 150_000, true, true, true);
        Report report = runAndPrint("select", config, ExactlyOnceStress.CORRECT);
        assertExactlyOnce(report);
        assertThat(report.operations()).isGreaterThanOrEqualTo(200_000);
    }

    @Test
    @Tag("soak")
    void soakTenMillionOperations() throws Exception {
        var config = new Config(Config.seedFromProperty(), 4, 4, 4, 1_250_000, true, true, true);
        Report report = runAndPrint("soak", config, ExactlyOnceStress.CORRECT);
        assertExactlyOnce(report);
        assertThat(report.operations()).isGreaterThanOrEqualTo(10_000_000);
    }

    /** A send that claims success when it was interrupted: its item is lost, and the harness must say so. */
    @Test
    void harnessCatchesASendThatDropsItsElementOnInterrupt() throws Exception {
        Strategy dropping = new Strategy() {
            @Override
            public Outcome send(Worker worker, int op, Long item) {
                Chan<Long> ch = worker.openChannel();
                if (ch == null) {
                    return Outcome.NOT_SENT;
                }
                try {
                    ch.send(item);
                } catch (Interrupted e) {
                    Thread.interrupted();
                    // Broken: reports the item as sent although nobody took it.
                }
                return Outcome.SENT;
            }

            @Override
            public void receive(Worker worker, int op) {
                ExactlyOnceStress.CORRECT.receive(worker, op);
            }
        };
        var config = new Config(Config.seedFromProperty(), 4, 3, 3, 20_000, false, true, false);
        Report report = runAndPrint("broken: dropping send", config, dropping);
        assertThat(report.interrupts()).isPositive();
        assertThat(report.violations()).isNotEmpty().allMatch(v -> v.contains("was sent but received 0 times"));
    }

    /** A receive that reports some items twice: the harness must see the duplicates. */
    @Test
    void harnessCatchesAReceiveThatDuplicates() throws Exception {
        var receives = new AtomicLong();
        Strategy duplicating = new Strategy() {
            @Override
            public Outcome send(Worker worker, int op, Long item) {
                return ExactlyOnceStress.CORRECT.send(worker, op, item);
            }

            @Override
            public void receive(Worker worker, int op) {
                Chan<Long> ch = worker.blockingReceiveChannel();
                var r = ch.receiveOk();
                worker.received(ch, r);
                if (r.ok() && receives.incrementAndGet() % 1_000 == 0) {
                    worker.received(r.value()); // Broken: counts the item again.
                }
            }
        };
        var config = new Config(Config.seedFromProperty(), 2, 2, 2, 10_000, false, false, false);
        Report report = runAndPrint("broken: duplicating receive", config, duplicating);
        assertThat(report.violations()).isNotEmpty().allMatch(v -> v.contains("received 2 times"));
    }
}
