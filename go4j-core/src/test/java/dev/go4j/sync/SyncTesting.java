package dev.go4j.sync;

import static dev.go4j.Go.go;

import dev.go4j.Task;
import dev.go4j.WaitReason;
import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.park.ParkState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Helpers shared by the sync tests: starting goroutines, waiting until they block, letting the clock pass. */
final class SyncTesting {
    /** Guards against hangs only; never reached by a passing test. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SyncTesting() {
    }

    /** Starts {@code task} as a goroutine and returns its thread. */
    static Thread start(Task task) throws Exception {
        var thread = new CompletableFuture<Thread>();
        go(() -> {
            thread.complete(Thread.currentThread());
            task.run();
        });
        return thread.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Starts {@code task} as a goroutine and returns its thread once it is blocked with {@code reason}. */
    static Thread startBlocked(WaitReason reason, Task task) throws Exception {
        Thread thread = start(task);
        ParkState.awaitBlocked(thread, reason, TIMEOUT);
        return thread;
    }

    /** Waits until {@code thread} is blocked with {@code reason}. */
    static void awaitBlocked(Thread thread, WaitReason reason) {
        ParkState.awaitBlocked(thread, reason, TIMEOUT);
    }

    /** Waits until at least {@code count} goroutines are blocked on {@code primitive} with {@code reason}. */
    static void awaitBlocked(Object primitive, WaitReason reason, int count) {
        ParkState.awaitBlocked(primitive, reason, count, TIMEOUT);
    }

    /** Joins {@code thread}, failing on timeout. */
    static void join(Thread thread) throws InterruptedException {
        if (!thread.join(TIMEOUT)) {
            throw new AssertionError(thread.getName() + " did not finish within " + TIMEOUT + ": "
                    + ParkState.describe(thread));
        }
    }

    /** Returns once go4j's clock has moved more than {@code nanos} past the moment of the call. */
    static void letClockPass(long nanos) {
        Clock clock = Clock.current();
        long start = clock.nanoTime();
        while (clock.nanoTime() - start <= nanos) {
            Thread.onSpinWait();
        }
    }
}
