package dev.go4j.sync;

import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.join;
import static dev.go4j.testsupport.GoTesting.start;
import static dev.go4j.testsupport.GoTesting.startBlocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.FatalError;
import dev.go4j.Go;
import dev.go4j.WaitReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RWMutex} has Go's semantics: readers share, a writer excludes everybody, a waiting writer blocks new
 * readers (even one that already holds a read lock) and makes {@code tryRLock} fail, no owner, uninterruptible
 * acquisition, and Go's fatal errors on misuse.
 */
@SuppressWarnings("try") // try (var held = mu.locked()) never names held: that is the idiom
class RWMutexTest {
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void readersShareTheLockAndExcludeAWriter() throws Exception {
        var rw = new RWMutex();
        var allInside = new CountDownLatch(3);
        var leave = new CountDownLatch(1);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            readers.add(start(() -> {
                rw.rLock();
                allInside.countDown();
                leave.await();
                rw.rUnlock();
            }));
        }
        assertThat(allInside.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("three readers inside at once")
                .isTrue();
        assertThat(rw.tryLock()).isFalse();
        assertThat(rw.tryRLock()).isTrue();
        rw.rUnlock();
        leave.countDown();
        for (Thread r : readers) {
            join(r);
        }
        assertThat(rw.tryLock()).isTrue();
        assertThat(rw.tryRLock()).as("tryRLock while write-locked").isFalse();
        assertThat(rw.tryLock()).isFalse();
        rw.unlock();
    }

    @Test
    void aWriterWaitsForTheReadersInside() throws Exception {
        var rw = new RWMutex();
        rw.rLock();
        rw.rLock();
        var locked = new AtomicBoolean();
        Thread writer = startBlocked(WaitReason.SYNC_RWMUTEX_LOCK, () -> {
            rw.lock();
            locked.set(true);
            rw.unlock();
        });
        awaitBlocked(rw, WaitReason.SYNC_RWMUTEX_LOCK, 1);
        rw.rUnlock();
        awaitBlocked(writer, WaitReason.SYNC_RWMUTEX_LOCK);
        assertThat(locked).isFalse();
        rw.rUnlock();
        join(writer);
        assertThat(locked).isTrue();
    }

    /**
     * Writer preference: once a writer waits, a new reader waits behind it, and so does a goroutine that already
     * holds a read lock (Go's documented recursive read-lock deadlock). Any goroutine may release a read lock, so
     * this test resolves the deadlock by releasing the holder's first read lock itself.
     */
    @Test
    void aWaitingWriterBlocksNewReadersEvenOneThatAlreadyHoldsAReadLock() throws Exception {
        var rw = new RWMutex();
        List<String> order = new ArrayList<>(); // guarded by rw
        var holderInside = new CountDownLatch(1);
        Thread holder = start(() -> {
            rw.rLock();
            holderInside.countDown();
            awaitBlocked(rw, WaitReason.SYNC_RWMUTEX_LOCK, 1); // the writer is waiting now
            rw.rLock(); // a second read lock: waits behind the writer
            order.add("holder's second read");
            rw.rUnlock();
        });
        await(holderInside);
        Thread writer = startBlocked(WaitReason.SYNC_RWMUTEX_LOCK, () -> {
            rw.lock();
            order.add("writer");
            rw.unlock();
        });
        awaitBlocked(holder, WaitReason.SYNC_RWMUTEX_RLOCK);
        Thread reader = startBlocked(WaitReason.SYNC_RWMUTEX_RLOCK, () -> {
            rw.rLock();
            rw.rUnlock();
        });
        awaitBlocked(rw, WaitReason.SYNC_RWMUTEX_RLOCK, 2);
        assertThat(rw.tryRLock()).as("tryRLock while a writer waits").isFalse();
        assertThat(rw.tryLock()).isFalse();
        rw.rUnlock(); // the holder's first read lock, released by another goroutine: the writer goes first
        join(writer);
        join(holder);
        join(reader);
        assertThat(order).containsExactly("writer", "holder's second read");
        assertThat(rw.tryLock()).isTrue();
        rw.unlock();
    }

    @Test
    void unlockLetsInTheReadersThatQueuedAndAnotherGoroutineMayUnlock() throws Exception {
        var rw = new RWMutex();
        join(start(rw::lock));
        var readersDone = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            start(() -> {
                rw.rLock();
                readersDone.countDown();
                rw.rUnlock();
            });
        }
        awaitBlocked(rw, WaitReason.SYNC_RWMUTEX_RLOCK, 3);
        rw.unlock(); // locked by the goroutine above, which has finished
        await(readersDone);
    }

    @Test
    void writersQueueBehindEachOther() throws Exception {
        var rw = new RWMutex();
        rw.lock();
        var second = new AtomicBoolean();
        Thread writer = startBlocked(WaitReason.SYNC_RWMUTEX_LOCK, () -> {
            rw.lock();
            second.set(true);
            rw.unlock();
        });
        awaitBlocked(rw, WaitReason.SYNC_RWMUTEX_LOCK, 1);
        assertThat(second).isFalse();
        rw.unlock();
        join(writer);
        assertThat(second).isTrue();
    }

    @Test
    void acquisitionIgnoresInterruptsAndKeepsTheStatus() throws Exception {
        var rw = new RWMutex();
        rw.lock();
        var readerStatus = new AtomicBoolean();
        var writerStatus = new AtomicBoolean();
        Thread reader = startBlocked(WaitReason.SYNC_RWMUTEX_RLOCK, () -> {
            rw.rLock();
            readerStatus.set(Thread.currentThread().isInterrupted());
            rw.rUnlock();
        });
        Thread writer = startBlocked(WaitReason.SYNC_RWMUTEX_LOCK, () -> {
            rw.lock();
            writerStatus.set(Thread.currentThread().isInterrupted());
            rw.unlock();
        });
        reader.interrupt();
        writer.interrupt();
        awaitBlocked(reader, WaitReason.SYNC_RWMUTEX_RLOCK);
        awaitBlocked(writer, WaitReason.SYNC_RWMUTEX_LOCK);
        rw.unlock();
        join(reader);
        join(writer);
        assertThat(readerStatus).isTrue();
        assertThat(writerStatus).isTrue();
    }

    @Test
    void misuseIsGosFatalErrorAndChangesNothing() {
        var rw = new RWMutex();
        assertThatThrownBy(rw::rUnlock).isExactlyInstanceOf(FatalError.class)
                .hasMessage("sync: RUnlock of unlocked RWMutex");
        assertThatThrownBy(rw::unlock).isExactlyInstanceOf(FatalError.class)
                .hasMessage("sync: Unlock of unlocked RWMutex");
        rw.rLock();
        assertThatThrownBy(rw::unlock).as("Unlock while only read-locked")
                .hasMessage("sync: Unlock of unlocked RWMutex");
        rw.rUnlock();
        rw.lock();
        assertThatThrownBy(rw::rUnlock).as("RUnlock while write-locked")
                .hasMessage("sync: RUnlock of unlocked RWMutex");
        rw.unlock();
        assertThat(rw.tryLock()).as("state intact").isTrue();
        rw.unlock();
        assertThat(rw.tryRLock()).isTrue();
        rw.rUnlock();
        assertThat(rw.toString()).isEqualTo("RWMutex[readers=0]");
    }

    /**
     * Readers never see a writer's update half done, and every update is kept: writers keep two plain fields
     * equal, readers check them, under contention between readers and writers.
     */
    @Test
    void readersAndWritersUnderContentionSeeConsistentState() {
        var rw = new RWMutex();
        long[] pair = new long[2]; // guarded by rw
        var inconsistent = new AtomicInteger();
        int writers = 8;
        int writes = 5_000;
        var wg = new WaitGroup();
        for (int w = 0; w < writers; w++) {
            wg.go(() -> {
                for (int i = 1; i <= writes; i++) {
                    try (var held = rw.locked()) {
                        pair[0]++;
                        if (i % 64 == 0) {
                            Go.gosched();
                        }
                        pair[1]++;
                    }
                }
            });
        }
        for (int r = 0; r < 32; r++) {
            wg.go(() -> {
                for (int i = 1; i <= writes; i++) {
                    try (var held = rw.rLocked()) {
                        long first = pair[0];
                        if (i % 64 == 0) {
                            Go.gosched();
                        }
                        if (pair[1] != first) {
                            inconsistent.incrementAndGet();
                        }
                    }
                }
            });
        }
        wg.await();
        assertThat(inconsistent).hasValue(0);
        rw.rLock();
        assertThat(pair).containsExactly((long) writers * writes, (long) writers * writes);
        rw.rUnlock();
    }
}
