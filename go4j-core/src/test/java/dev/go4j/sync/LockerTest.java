package dev.go4j.sync;

import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.join;
import static dev.go4j.testsupport.GoTesting.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.FatalError;
import dev.go4j.WaitReason;
import dev.go4j.testsupport.Allocations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Locker}: Mutex, RWMutex, its {@code rLocker()} and user types are interchangeable; {@code locked()}
 * returns a handle for try-with-resources that is the same object on every call (no allocation) for go4j's
 * locks, and closing it twice unlocks twice, which is Go's fatal error.
 */
@SuppressWarnings("try") // try (var held = mu.locked()) never names held: that is the idiom
class LockerTest {

    /** A user Locker over a Mutex, counting calls: it gets {@code locked()} from the default method. */
    private static final class CountingLocker implements Locker {
        final Mutex mu = new Mutex();
        final AtomicInteger locks = new AtomicInteger();
        final AtomicInteger unlocks = new AtomicInteger();

        @Override
        public void lock() {
            mu.lock();
            locks.incrementAndGet();
        }

        @Override
        public void unlock() {
            unlocks.incrementAndGet();
            mu.unlock();
        }
    }

    /** Code written against Locker: increments a plain counter under whatever lock it is given. */
    private static void incrementUnder(Locker lock, int[] counter, int times) {
        for (int i = 0; i < times; i++) {
            try (var held = lock.locked()) {
                counter[0]++;
            }
        }
    }

    @Test
    void everyKindOfLockerGuardsTheSameCode() {
        var rw = new RWMutex();
        List<Locker> lockers = List.of(new Mutex(), rw, new CountingLocker());
        for (Locker lock : lockers) {
            int[] counter = new int[1];
            var wg = new WaitGroup();
            for (int g = 0; g < 8; g++) {
                wg.go(() -> incrementUnder(lock, counter, 2_000));
            }
            wg.await();
            lock.lock();
            assertThat(counter[0]).as("%s", lock).isEqualTo(16_000);
            lock.unlock();
        }
    }

    @Test
    void theReadLockerIsAReadLock() throws Exception {
        var rw = new RWMutex();
        Locker readers = rw.rLocker();
        assertThat(rw.rLocker()).isSameAs(readers);
        readers.lock();
        assertThat(rw.tryRLock()).as("another reader gets in").isTrue();
        rw.rUnlock();
        Thread writer = start(() -> {
            rw.lock();
            rw.unlock();
        });
        awaitBlocked(writer, WaitReason.SYNC_RWMUTEX_LOCK);
        readers.unlock();
        join(writer);
        assertThatThrownBy(readers::unlock).isExactlyInstanceOf(FatalError.class)
                .hasMessage("sync: RUnlock of unlocked RWMutex");
    }

    @Test
    void lockedReturnsTheSameHandleEveryTime() {
        var mu = new Mutex();
        var rw = new RWMutex();
        Locker.Held first;
        try (var held = mu.locked()) {
            first = held;
        }
        try (var held = mu.locked()) {
            assertThat(held).isSameAs(first);
        }
        Locker.Held write;
        try (var held = rw.locked()) {
            write = held;
        }
        try (var held = rw.locked()) {
            assertThat(held).isSameAs(write);
        }
        Locker.Held read;
        try (var held = rw.rLocked()) {
            read = held;
            try (var again = rw.rLocker().locked()) {
                assertThat(again).isSameAs(read);
            }
        }
        assertThat(read).isNotSameAs(write);
        assertThat(mu.tryLock()).isTrue();
        assertThat(rw.tryLock()).isTrue();
    }

    @Test
    void lockedAllocatesNothing() {
        var mu = new Mutex();
        var rw = new RWMutex();
        int rounds = 100_000;
        lockAndUnlock(mu, rw, rounds); // warm up: class loading, JIT
        long before = Allocations.currentThreadBytes();
        lockAndUnlock(mu, rw, rounds);
        long allocated = Allocations.currentThreadBytes() - before;
        assertThat(allocated).as("bytes allocated by %d rounds of three locked() blocks", rounds)
                .isLessThan(rounds / 10);
    }

    /** Written in the measured blocks so that they are not empty; its value does not matter. */
    private static int sink;

    private static void lockAndUnlock(Mutex mu, RWMutex rw, int rounds) {
        for (int i = 0; i < rounds; i++) {
            try (var held = mu.locked()) {
                sink++;
            }
            try (var held = rw.locked()) {
                sink++;
            }
            try (var held = rw.rLocked()) {
                sink--;
            }
        }
    }

    @Test
    void closingAHandleTwiceUnlocksTwiceWhichIsFatal() {
        var mu = new Mutex();
        var held = mu.locked();
        held.close();
        assertThatThrownBy(held::close).isExactlyInstanceOf(FatalError.class)
                .hasMessage("sync: unlock of unlocked mutex");
        var rw = new RWMutex();
        var write = rw.locked();
        write.close();
        assertThatThrownBy(write::close).hasMessage("sync: Unlock of unlocked RWMutex");
        var read = rw.rLocked();
        read.close();
        assertThatThrownBy(read::close).hasMessage("sync: RUnlock of unlocked RWMutex");
    }

    @Test
    void theDefaultLockedWorksForUserLockers() {
        var lock = new CountingLocker();
        List<Locker.Held> handles = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (var held = lock.locked()) {
                handles.add(held);
                assertThat(lock.mu.tryLock()).isFalse();
            }
        }
        assertThat(lock.locks).hasValue(2);
        assertThat(lock.unlocks).hasValue(2);
        assertThat(lock.mu.tryLock()).isTrue();
    }
}
