package dev.go4j.sync;

import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.join;
import static dev.go4j.testsupport.GoTesting.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.FatalError;
import dev.go4j.Interrupted;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.Park;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Cond}: {@code await} releases the lock, returns only after a {@code signal} (to the longest waiter) or
 * {@code broadcast} (to all), never spuriously, and holds the lock again when it returns or throws; a signal with
 * no waiter is lost; an interrupted {@code await} re-locks before throwing and does not swallow a later signal.
 */
@SuppressWarnings("try") // try (var held = mu.locked()) never names held: that is the idiom
class CondTest {
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** Starts a goroutine that waits once on {@code cond} under {@code mu}, recording its name in {@code woken}. */
    private static Thread startWaiter(Mutex mu, Cond cond, List<String> woken, String name) throws Exception {
        Thread t = start(() -> {
            try (var held = mu.locked()) {
                cond.await();
                woken.add(name); // guarded by mu, held again
            }
        });
        awaitBlocked(t, WaitReason.SYNC_COND_WAIT);
        return t;
    }

    @Test
    void signalWakesTheLongestWaiterAndAwaitReleasesTheLockMeanwhile() throws Exception {
        var mu = new Mutex();
        var cond = new Cond(mu);
        List<String> woken = new ArrayList<>(); // guarded by mu
        Thread first = startWaiter(mu, cond, woken, "first");
        Thread second = startWaiter(mu, cond, woken, "second");
        Thread third = startWaiter(mu, cond, woken, "third");
        assertThat(mu.tryLock()).as("released while waiting").isTrue();
        mu.unlock();
        cond.signal();
        join(first);
        awaitBlocked(cond, WaitReason.SYNC_COND_WAIT, 2);
        cond.signal();
        join(second);
        cond.signal();
        join(third);
        assertThat(woken).containsExactly("first", "second", "third");
    }

    /** A goroutine in {@code await} records the Cond itself as what it waits on, never an internal object. */
    @Test
    void aWaiterIsBlockedOnTheCondItself() throws Exception {
        var mu = new Mutex();
        var cond = new Cond(mu);
        List<String> woken = new ArrayList<>();
        Thread waiter = startWaiter(mu, cond, woken, "w");
        assertThat(dev.go4j.internal.park.ParkState.countBlocked(cond, WaitReason.SYNC_COND_WAIT)).isEqualTo(1);
        assertThat(dev.go4j.internal.park.ParkState.describe(waiter)).contains("on Cond[");
        cond.signal();
        join(waiter);
        assertThat(woken).containsExactly("w");
    }

    @Test
    void broadcastWakesEveryWaiter() throws Exception {
        var mu = new Mutex();
        var cond = new Cond(mu);
        List<String> woken = new ArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiters.add(startWaiter(mu, cond, woken, "w" + i));
        }
        awaitBlocked(cond, WaitReason.SYNC_COND_WAIT, 5);
        cond.broadcast();
        for (Thread t : waiters) {
            join(t);
        }
        assertThat(woken).containsExactlyInAnyOrder("w0", "w1", "w2", "w3", "w4");
    }

    @Test
    void aSignalWithNoWaiterIsLost() throws Exception {
        var mu = new Mutex();
        var cond = new Cond(mu);
        cond.signal();
        cond.broadcast();
        List<String> woken = new ArrayList<>();
        Thread waiter = startWaiter(mu, cond, woken, "late");
        awaitBlocked(cond, WaitReason.SYNC_COND_WAIT, 1); // still waiting: the earlier signals were lost
        assertThat(waiter.isAlive()).isTrue();
        cond.signal();
        join(waiter);
        assertThat(woken).containsExactly("late");
    }

    @Test
    void awaitNeverReturnsSpuriously() throws Exception {
        var mu = new Mutex();
        var cond = new Cond(mu);
        var returned = new AtomicBoolean();
        Thread waiter = start(() -> {
            try (var held = mu.locked()) {
                cond.await();
                returned.set(true);
            }
        });
        for (int i = 0; i < 5; i++) {
            awaitBlocked(waiter, WaitReason.SYNC_COND_WAIT);
            Park.unpark(waiter); // a wake-up that is not a signal
        }
        awaitBlocked(waiter, WaitReason.SYNC_COND_WAIT);
        assertThat(returned).isFalse();
        cond.signal();
        join(waiter);
        assertThat(returned).isTrue();
    }

    @Test
    void anInterruptedAwaitLocksAgainBeforeThrowing() throws Exception {
        var mu = new Mutex();
        var cond = new Cond(mu);
        var outcome = new CompletableFuture<Throwable>();
        var heldWhenThrown = new AtomicBoolean();
        var statusWhenThrown = new AtomicBoolean();
        Thread waiter = start(() -> {
            mu.lock();
            try {
                cond.await();
                outcome.complete(null);
            } catch (Interrupted e) {
                statusWhenThrown.set(Thread.currentThread().isInterrupted());
                heldWhenThrown.set(!mu.tryLock());
                outcome.complete(e);
            } finally {
                mu.unlock();
            }
        });
        awaitBlocked(waiter, WaitReason.SYNC_COND_WAIT);
        mu.lock();
        waiter.interrupt();
        // The interrupted waiter queues for the mutex (ignoring its interrupt status) before it can throw.
        awaitBlocked(waiter, WaitReason.SYNC_MUTEX_LOCK);
        assertThat(outcome).isNotDone();
        mu.unlock();
        assertThat(await(outcome)).isInstanceOf(Interrupted.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(heldWhenThrown).isTrue();
        assertThat(statusWhenThrown).isTrue();
        assertThat(cond.toString()).startsWith("Cond[waiting=0,");
    }

    @Test
    void anInterruptedWaiterDoesNotSwallowALaterSignal() throws Exception {
        var mu = new Mutex();
        var cond = new Cond(mu);
        List<String> woken = new ArrayList<>();
        Thread interrupted = start(() -> {
            try (var held = mu.locked()) {
                cond.await();
            } catch (Interrupted expected) {
                // the lock was released by the try-with-resources block
            }
        });
        awaitBlocked(interrupted, WaitReason.SYNC_COND_WAIT);
        Thread patient = startWaiter(mu, cond, woken, "patient");
        interrupted.interrupt();
        join(interrupted);
        cond.signal();
        join(patient);
        assertThat(woken).containsExactly("patient");
    }

    @Test
    void anAlreadyInterruptedAwaitThrowsWithoutReleasingTheLock() {
        var mu = new Mutex();
        var cond = new Cond(mu);
        mu.lock();
        Thread.currentThread().interrupt();
        assertThatThrownBy(cond::await).isInstanceOf(Interrupted.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(mu.tryLock()).as("still held").isFalse();
        mu.unlock();
    }

    @Test
    void awaitWithoutHoldingTheLockIsTheLocksFatalErrorAndLeavesNoWaiter() throws Exception {
        var mu = new Mutex();
        var cond = new Cond(mu);
        assertThatThrownBy(cond::await).isExactlyInstanceOf(FatalError.class)
                .hasMessage("sync: unlock of unlocked mutex");
        assertThat(cond.toString()).startsWith("Cond[waiting=0,");
        List<String> woken = new ArrayList<>();
        Thread waiter = startWaiter(mu, cond, woken, "real");
        cond.signal();
        join(waiter);
        assertThat(woken).containsExactly("real");
    }

    /** A producer/consumer pair over a one-slot buffer: no item lost or duplicated under many hand-overs. */
    @Test
    void aOneSlotBufferHandsOverEveryItemExactlyOnce() throws Exception {
        var mu = new Mutex();
        var changed = new Cond(mu);
        int items = 20_000;
        Integer[] slot = new Integer[1]; // guarded by mu
        var sum = new AtomicInteger();
        Thread consumer = start(() -> {
            for (int i = 0; i < items; i++) {
                try (var held = mu.locked()) {
                    while (slot[0] == null) {
                        changed.await();
                    }
                    sum.addAndGet(slot[0]);
                    slot[0] = null;
                    changed.broadcast();
                }
            }
        });
        for (int i = 1; i <= items; i++) {
            try (var held = mu.locked()) {
                while (slot[0] != null) {
                    changed.await();
                }
                slot[0] = i;
            }
            changed.signal(); // outside the lock: allowed
        }
        join(consumer);
        assertThat(sum).hasValue(items * (items + 1) / 2);
    }

    @Test
    void theLockerIsTheOneGiven() {
        var rw = new RWMutex();
        assertThat(new Cond(rw.rLocker()).locker()).isSameAs(rw.rLocker());
        assertThatThrownBy(() -> new Cond(null)).isInstanceOf(NullPointerException.class);
    }
}
