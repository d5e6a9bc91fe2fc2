package dev.go4j.sync;

import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.join;
import static dev.go4j.testsupport.GoTesting.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.go4j.Interrupted;
import dev.go4j.Panic;
import dev.go4j.Result;
import dev.go4j.WaitReason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Once} runs its function exactly once; concurrent callers wait (ignoring interrupts) until it has finished
 * and then see its effects; an exception reaches only the caller that ran the function and still finishes the
 * Once; a recursive {@code run} panics; {@code onceFunc}, {@code onceValue} and {@code onceValues} cache the
 * outcome and replay the same exception on every call.
 */
class OnceTest {
    private static final String RECURSIVE = "sync: Once.run called from inside its own function";
    private static final int CALLERS = 10;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** A plain field: only the Once publishes it. */
    private static final class Box {
        int value;
    }

    @Test
    void concurrentCallersWaitForTheFirstCallAndSeeItsEffects() throws Exception {
        var once = new Once();
        var box = new Box();
        var calls = new AtomicInteger();
        var running = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        Thread first = start(() -> once.run(() -> {
            calls.incrementAndGet();
            running.countDown();
            await(finish);
            box.value = 42;
        }));
        await(running);
        var seen = new ConcurrentLinkedQueue<Integer>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(start(() -> {
                once.run(calls::incrementAndGet);
                seen.add(box.value);
            }));
        }
        awaitBlocked(once, WaitReason.SYNC_MUTEX_LOCK, CALLERS);
        assertThat(seen).isEmpty();
        finish.countDown();
        join(first);
        for (Thread t : callers) {
            join(t);
        }
        assertThat(calls).hasValue(1);
        assertThat(seen).hasSize(CALLERS).containsOnly(42);
        once.run(calls::incrementAndGet);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anExceptionReachesOnlyTheFirstCallerAndTheOnceIsDone() throws Exception {
        var once = new Once();
        var failure = new IllegalStateException("init failed");
        var running = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        var firstGot = new ConcurrentLinkedQueue<Throwable>();
        Thread first = start(() -> firstGot.add(catchThrowable(() -> once.run(() -> {
            running.countDown();
            await(finish);
            throw failure;
        }))));
        await(running);
        var returnedNormally = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(start(() -> {
                once.run(() -> {
                    throw new AssertionError("second function ran");
                });
                returnedNormally.incrementAndGet();
            }));
        }
        awaitBlocked(once, WaitReason.SYNC_MUTEX_LOCK, CALLERS);
        finish.countDown();
        join(first);
        for (Thread t : callers) {
            join(t);
        }
        assertThat(firstGot).containsExactly(failure);
        assertThat(returnedNormally).hasValue(CALLERS);
        once.run(() -> {
            throw new AssertionError("ran again");
        });
    }

    @Test
    void runFromInsideItsOwnFunctionPanicsInsteadOfDeadlocking() {
        var once = new Once();
        var inner = new AtomicBoolean();
        assertThatThrownBy(() -> once.run(() -> once.run(() -> inner.set(true))))
                .isExactlyInstanceOf(Panic.class).hasMessage(RECURSIVE);
        assertThat(inner).isFalse();
        once.run(() -> inner.set(true));
        assertThat(inner).as("done after the panic").isFalse();
    }

    @Test
    void theFunctionMayRecoverFromTheRecursionPanic() {
        var once = new Once();
        var caught = new AtomicBoolean();
        once.run(() -> {
            try {
                once.run(() -> {
                });
            } catch (Panic p) {
                caught.set(true);
            }
        });
        assertThat(caught).isTrue();
        assertThat(once.toString()).isEqualTo("Once[done=true]");
    }

    @Test
    void waitingIgnoresInterruptsAndKeepsTheStatus() throws Exception {
        var once = new Once();
        var running = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        Thread first = start(() -> once.run(() -> {
            running.countDown();
            await(finish);
        }));
        await(running);
        var statusAfter = new AtomicBoolean();
        Thread caller = start(() -> {
            once.run(() -> {
            });
            statusAfter.set(Thread.currentThread().isInterrupted());
        });
        awaitBlocked(caller, WaitReason.SYNC_MUTEX_LOCK);
        caller.interrupt();
        awaitBlocked(caller, WaitReason.SYNC_MUTEX_LOCK);
        finish.countDown();
        join(first);
        join(caller);
        assertThat(statusAfter).isTrue();
    }

    @Test
    void onceFuncCallsOnceAndReplaysTheSameExceptionOnEveryCall() throws Exception {
        var calls = new AtomicInteger();
        Runnable counted = Once.onceFunc(calls::incrementAndGet);
        counted.run();
        counted.run();
        assertThat(calls).hasValue(1);

        var failure = new IllegalStateException("boom");
        Runnable failing = Once.onceFunc(() -> {
            calls.incrementAndGet();
            throw failure;
        });
        assertThat(catchThrowable(failing::run)).isSameAs(failure);
        assertThat(catchThrowable(failing::run)).isSameAs(failure);
        var fromAnother = new ConcurrentLinkedQueue<Throwable>();
        join(start(() -> fromAnother.add(catchThrowable(failing::run))));
        assertThat(fromAnother).containsExactly(failure);
        assertThat(calls).hasValue(2);
    }

    @Test
    void onceValueCachesTheValueOrReplaysTheSameException() {
        var calls = new AtomicInteger();
        Supplier<String> value = Once.onceValue(() -> "computed " + calls.incrementAndGet());
        assertThat(value.get()).isEqualTo("computed 1");
        assertThat(value.get()).isEqualTo("computed 1");

        var failure = new Panic("bad config");
        Supplier<String> failing = Once.onceValue(() -> {
            calls.incrementAndGet();
            throw failure;
        });
        assertThat(catchThrowable(failing::get)).isSameAs(failure);
        assertThat(catchThrowable(failing::get)).isSameAs(failure);
        assertThat(calls).hasValue(2);
    }

    @Test
    void onceValueCalledFromItsOwnSupplierPanics() {
        var self = new ArrayList<Supplier<String>>();
        self.add(Once.onceValue(() -> self.getFirst().get()));
        assertThatThrownBy(() -> self.getFirst().get()).isExactlyInstanceOf(Panic.class).hasMessage(RECURSIVE);
        assertThatThrownBy(() -> self.getFirst().get()).hasMessage(RECURSIVE);
    }

    @Test
    void onceValuesCachesValuesAndErrorsAsResults() {
        var calls = new AtomicInteger();
        Supplier<Result<Integer>> ok = Once.onceValues(calls::incrementAndGet);
        Result<Integer> first = ok.get();
        assertThat(first).isEqualTo(Result.ok(1));
        assertThat(ok.get()).isSameAs(first);

        var ioFailure = new IOException("no such file");
        Supplier<Result<String>> checked = Once.onceValues(() -> {
            calls.incrementAndGet();
            throw ioFailure;
        });
        assertThat(checked.get()).isEqualTo(Result.err(ioFailure));
        assertThat(checked.get()).isEqualTo(Result.err(ioFailure));

        Supplier<Result<String>> interrupted = Once.onceValues(() -> {
            throw new Interrupted();
        });
        assertThat(interrupted.get()).isInstanceOfSatisfying(Result.Err.class,
                err -> assertThat(err.error()).isInstanceOf(Interrupted.class));
        assertThat(calls).hasValue(2);
    }

    @Test
    void onceValuesRethrowsPanicsAndErrorsOnEveryCall() {
        var panic = new Panic("invariant broken");
        Supplier<Result<String>> panicking = Once.onceValues(() -> {
            throw panic;
        });
        assertThat(catchThrowable(panicking::get)).isSameAs(panic);
        assertThat(catchThrowable(panicking::get)).isSameAs(panic);

        var error = new StackOverflowError("deep");
        Supplier<Result<String>> erring = Once.onceValues(() -> {
            throw error;
        });
        assertThat(catchThrowable(erring::get)).isSameAs(error);
        assertThat(catchThrowable(erring::get)).isSameAs(error);
    }

    @Test
    void nullFunctionsAreRejected() {
        assertThatThrownBy(() -> new Once().run(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Once.onceFunc(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Once.onceValue(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Once.onceValues(null)).isInstanceOf(NullPointerException.class);
    }
}
