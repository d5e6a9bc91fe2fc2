package dev.go4j.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Go;
import dev.go4j.Select;
import dev.go4j.TryReceive;
import dev.go4j.sync.WaitGroup;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stop and reset racing the timer firing and a receiver: stop()'s (or reset()'s) result must agree with whether
 * the receiver got a value, and no value of a stopped setting may ever be received. A stress test of 100,000 rounds
 * (about 10 s), which {@code -Pshort} skips.
 */
@Tag("stress")
class TimerRaceTest {
    @Test
    void stopAndResetRacingFireAndReceiveNeverDeliverAStaleValue() {
        long seed = Long.getLong("go4j.stress.seed", new Random().nextLong());
        var random = new Random(seed);
        int rounds = 100_000;
        int receivedCount = 0;
        for (int round = 0; round < rounds; round++) {
            long delayNanos = random.nextInt(40_000);
            Timer timer = Time.newTimer(Duration.ofNanos(delayNanos));
            var received = new AtomicBoolean();
            var wg = new WaitGroup();
            Duration patience = Duration.ofNanos(random.nextInt(60_000));
            wg.go(() -> Select.select(patience, Select.onReceive(timer.c(), v -> received.set(true))));
            long stopAt = System.nanoTime() + random.nextInt(60_000);
            while (System.nanoTime() - stopAt < 0) {
                Thread.onSpinWait(); // lets the stop land anywhere around the firing
            }
            boolean stopped = random.nextBoolean() ? timer.stop() : timer.reset(Duration.ofHours(1));
            wg.await();
            assertThat(stopped).as("round %d (seed %d): stop result vs received", round, seed)
                    .isEqualTo(!received.get());
            assertThat(timer.c().tryReceive()).as("round %d (seed %d): stale value", round, seed)
                    .isInstanceOf(TryReceive.WouldBlock.class);
            timer.stop();
            if (received.get()) {
                receivedCount++;
            }
        }
        System.out.printf("TimerRaceTest: %d rounds, %d received before stop (seed %d)%n", rounds, receivedCount,
                seed);
        assertThat(receivedCount).as("both outcomes must occur for the race to mean anything")
                .isBetween(1, rounds - 1);
        Go.gosched();
    }
}
