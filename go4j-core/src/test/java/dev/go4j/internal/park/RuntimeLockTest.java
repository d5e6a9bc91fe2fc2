package dev.go4j.internal.park;

import static dev.go4j.testsupport.GoTesting.awaitCondition;
import static dev.go4j.testsupport.GoTesting.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.internal.park.G;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * {@link RuntimeLock}: mutual exclusion under contention from virtual and platform threads (counted), contenders
 * that sleep are woken by unlock and are never counted as blocked in a Go wait, and interrupts are ignored.
 */
class RuntimeLockTest {
    /** Written only under the lock. */
    private long counter;

    @Test
    void virtualAndPlatformThreadsIncrementingUnderTheLockLoseNoUpdate() throws Exception {
        var lock = new RuntimeLock();
        int each = 100_000;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Thread.Builder builder = i < 8 ? Thread.ofVirtual() : Thread.ofPlatform();
            threads.add(builder.start(() -> {
                for (int k = 0; k < each; k++) {
                    lock.lock();
                    counter++;
                    lock.unlock();
                }
            }));
        }
        for (Thread t : threads) {
            join(t);
        }
        assertThat(counter).isEqualTo(10L * each);
        assertThat(lock).hasToString("RuntimeLock[unlocked]");
    }

    @Test
    void contendersSleepWhileTheHolderDoesNotReleaseAndAreNotCountedAsBlocked() throws Exception {
        var lock = new RuntimeLock();
        var acquired = new ConcurrentLinkedQueue<String>();
        var interruptStatus = new ConcurrentLinkedQueue<Boolean>();
        lock.lock();
        List<Thread> contenders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "contender " + i;
            contenders.add(Thread.ofVirtual().start(() -> {
                lock.lock();
                acquired.add(name);
                interruptStatus.add(Thread.currentThread().isInterrupted());
                lock.unlock();
            }));
        }
        awaitCondition("4 contenders asleep", () -> lock.sleeping() == 4);
        assertThat(lock).hasToString("RuntimeLock[locked, contended]");
        for (Thread t : contenders) {
            G g = G.of(t);
            assertThat(g == null || !g.isBlocked()).as("%s counted as blocked", t).isTrue();
        }
        contenders.get(0).interrupt();
        assertThat(acquired).isEmpty();

        lock.unlock();
        for (Thread t : contenders) {
            join(t);
        }
        assertThat(acquired).hasSize(4);
        assertThat(interruptStatus).containsExactlyInAnyOrder(true, false, false, false);
        assertThat(lock).hasToString("RuntimeLock[unlocked]");
        assertThat(lock.sleeping()).isZero();
    }
}
