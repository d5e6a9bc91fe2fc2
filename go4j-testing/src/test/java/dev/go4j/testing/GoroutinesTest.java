package dev.go4j.testing;

import static dev.go4j.Go.go;
import static dev.go4j.Select.onReceive;
import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.Interrupted;
import dev.go4j.Select;
import dev.go4j.WaitReason;
import dev.go4j.sync.WaitGroup;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** Goroutines' helpers beyond awaitBlocked (which go4j-core's tests cover through ParkState). */
class GoroutinesTest {

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
            join(thread);
        }
        assertThat(outcomes).containsExactly("interrupted", "interrupted", "interrupted");
        assertThat(Goroutines.blockedOn(gate, WaitReason.SYNC_WAITGROUP_WAIT)).isEmpty();
    }

    /** A goroutine parked in a select is found by each of its channels, by every lookup. */
    @Test
    void aGoroutineBlockedInASelectIsFoundByEachOfItsChannels() throws InterruptedException {
        Chan<String> a = Chan.make();
        Chan<String> b = Chan.make();
        var got = new ConcurrentLinkedQueue<String>();
        go(() -> Select.select(onReceive(a, got::add), onReceive(b, got::add)));
        Goroutines.awaitBlocked(a, WaitReason.SELECT, 1, TIMEOUT);
        Goroutines.awaitBlocked(b, WaitReason.SELECT, 1, TIMEOUT);
        assertThat(Goroutines.countBlocked(a, WaitReason.SELECT)).isEqualTo(1);
        List<Thread> onA = Goroutines.blockedOn(a, WaitReason.SELECT);
        assertThat(onA).hasSize(1);
        assertThat(Goroutines.blockedOn(b, WaitReason.SELECT)).isEqualTo(onA);
        assertThat(Goroutines.blockedOn(Chan.make(), WaitReason.SELECT)).isEmpty();
        b.send("b");
        join(onA.get(0));
        assertThat(got).containsExactly("b");
    }
}
