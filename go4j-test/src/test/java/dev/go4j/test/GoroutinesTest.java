package dev.go4j.test;

import static dev.go4j.Go.go;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Interrupted;
import dev.go4j.WaitReason;
import dev.go4j.sync.WaitGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** Goroutines' helpers beyond awaitBlocked (which go4j-core's tests cover through ParkState). */
class GoroutinesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void blockedOnListsTheGoroutinesParkedThereSoATestCanEndThem() throws InterruptedException {
        var gate = new WaitGroup();
        gate.add(1);
        var outcomes = new ConcurrentLinkedQueue<String>();
        for (int i = 0; i < 3; i++) {
            go(() -> {
                try {
                    gate.await();
                    outcomes.add("released");
                } catch (Interrupted e) {
                    outcomes.add("interrupted");
                }
            });
        }
        Goroutines.awaitBlocked(gate, WaitReason.SYNC_WAITGROUP_WAIT, 3, TIMEOUT);

        List<Thread> blocked = Goroutines.blockedOn(gate, WaitReason.SYNC_WAITGROUP_WAIT);

        assertThat(blocked).hasSize(3).allMatch(Thread::isVirtual);
        assertThat(Goroutines.blockedOn(gate, WaitReason.SLEEP)).isEmpty();
        for (Thread thread : blocked) {
            thread.interrupt();
            thread.join();
        }
        assertThat(outcomes).containsExactly("interrupted", "interrupted", "interrupted");
        assertThat(Goroutines.blockedOn(gate, WaitReason.SYNC_WAITGROUP_WAIT)).isEmpty();
    }
}
