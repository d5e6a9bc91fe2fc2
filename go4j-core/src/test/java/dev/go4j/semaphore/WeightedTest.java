package dev.go4j.semaphore;

import static dev.go4j.Go.go;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Interrupted;
import dev.go4j.Panic;
import dev.go4j.WaitReason;
import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.internal.park.ParkState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The weighted semaphore: FIFO without barging, context-bounded waits, grants racing cancellation. */
class WeightedTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Starts an acquire in a goroutine; the future completes with null on success or the failure. */
    private static CompletableFuture<Throwable> acquireLater(Weighted sem, Context ctx, long n,
            ConcurrentLinkedQueue<String> order, String name) {
        var outcome = new CompletableFuture<Throwable>();
        go(() -> {
            try {
                sem.acquire(ctx, n);
                order.add(name);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        return outcome;
    }

    @Test
    void waitersAreServedInFifoOrder() throws Exception {
        var sem = new Weighted(2);
        sem.acquire(Context.background(), 2);
        var order = new ConcurrentLinkedQueue<String>();
        var a = acquireLater(sem, Context.background(), 1, order, "a");
        ParkState.awaitBlocked(sem, WaitReason.SEMACQUIRE, 1, TIMEOUT);
        var b = acquireLater(sem, Context.background(), 1, order, "b");
        ParkState.awaitBlocked(sem, WaitReason.SEMACQUIRE, 2, TIMEOUT);
        sem.release(1);
        assertThat(a.get(30, TimeUnit.SECONDS)).isNull();
        sem.release(1);
        assertThat(b.get(30, TimeUnit.SECONDS)).isNull();
        assertThat(order).containsExactly("a", "b");
    }

    @Test
    void aWaiterThatDoesNotFitBlocksTheSmallerOnesBehindIt() throws Exception {
        var sem = new Weighted(3);
        sem.acquire(Context.background(), 2);
        var order = new ConcurrentLinkedQueue<String>();
        var big = acquireLater(sem, Context.background(), 3, order, "big");
        ParkState.awaitBlocked(sem, WaitReason.SEMACQUIRE, 1, TIMEOUT);
        var small = acquireLater(sem, Context.background(), 1, order, "small");
        ParkState.awaitBlocked(sem, WaitReason.SEMACQUIRE, 2, TIMEOUT);
        assertThat(sem.tryAcquire(1)).as("someone is waiting").isFalse();
        assertThat(order).isEmpty();
        sem.release(2);
        assertThat(big.get(30, TimeUnit.SECONDS)).isNull();
        assertThat(small.isDone()).isFalse();
        sem.release(3);
        assertThat(small.get(30, TimeUnit.SECONDS)).isNull();
        assertThat(order).containsExactly("big", "small");
    }

    @Test
    void aCancelledHeadWaiterLetsThoseBehindItThatNowFit() throws Exception {
        var sem = new Weighted(3);
        sem.acquire(Context.background(), 2);
        CancelContext bigCtx = Context.withCancel(Context.background());
        var order = new ConcurrentLinkedQueue<String>();
        var big = acquireLater(sem, bigCtx, 2, order, "big");
        ParkState.awaitBlocked(sem, WaitReason.SEMACQUIRE, 1, TIMEOUT);
        var small = acquireLater(sem, Context.background(), 1, order, "small");
        ParkState.awaitBlocked(sem, WaitReason.SEMACQUIRE, 2, TIMEOUT);
        bigCtx.cancel();
        assertThat(big.get(30, TimeUnit.SECONDS)).isInstanceOf(Context.Canceled.class);
        assertThat(small.get(30, TimeUnit.SECONDS)).isNull();
        assertThat(order).containsExactly("small");
    }

    @Test
    void moreThanTheSizeWaitsUntilTheContextIsDone() throws Exception {
        var sem = new Weighted(2);
        CancelContext ctx = Context.withCancel(Context.background());
        var outcome = acquireLater(sem, ctx, 3, new ConcurrentLinkedQueue<>(), "too big");
        ParkState.awaitBlocked(sem, WaitReason.SEMACQUIRE, 1, TIMEOUT);
        assertThat(sem.tryAcquire(2)).as("the oversized waiter queues nobody behind it").isTrue();
        sem.release(2);
        ctx.cancel();
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(Context.Canceled.class);
    }

    @Test
    void anAlreadyDoneContextFailsEvenWithFreePermits() {
        var sem = new Weighted(5);
        CancelContext ctx = Context.withCancel(Context.background());
        ctx.cancel();
        assertThatThrownBy(() -> sem.acquire(ctx, 1)).isInstanceOf(Context.Canceled.class)
                .isNotSameAs(Context.CANCELED);
        assertThat(sem.tryAcquire(5)).isTrue();
    }

    @Test
    void overReleasePanics() {
        var sem = new Weighted(1);
        assertThatThrownBy(() -> sem.release(1)).isInstanceOf(Panic.class)
                .hasMessage("semaphore: released more than held");
    }

    @Test
    void anInterruptedWaiterHoldsNothing() throws Exception {
        var sem = new Weighted(1);
        sem.acquire(Context.background(), 1);
        var outcome = new CompletableFuture<Throwable>();
        var thread = new CompletableFuture<Thread>();
        go(() -> {
            thread.complete(Thread.currentThread());
            try {
                sem.acquire(Context.background(), 1);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        ParkState.awaitBlocked(thread.get(30, TimeUnit.SECONDS), WaitReason.SEMACQUIRE, TIMEOUT);
        thread.get().interrupt();
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(Interrupted.class);
        sem.release(1);
        assertThat(sem.tryAcquire(1)).isTrue();
    }

    /** Grants racing cancellations: whatever wins, every permit is accounted for afterwards. */
    @Test
    void grantsRacingCancellationLoseNoPermit() throws Exception {
        var sem = new Weighted(3);
        var granted = new AtomicInteger();
        var cancelled = new AtomicInteger();
        for (int round = 0; round < 3_000; round++) {
            sem.acquire(Context.background(), 3);
            CancelContext ctx = Context.withCancel(Context.background());
            var outcome = new CompletableFuture<Throwable>();
            go(() -> {
                try {
                    sem.acquire(ctx, 2);
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            if (round % 2 == 0) {
                ParkState.awaitBlocked(sem, WaitReason.SEMACQUIRE, 1, TIMEOUT);
            }
            go(ctx::cancel);
            sem.release(3);
            Throwable failure = outcome.get(30, TimeUnit.SECONDS);
            if (failure == null) {
                granted.incrementAndGet();
                sem.release(2);
            } else {
                assertThat(failure).isInstanceOf(Context.Canceled.class);
                cancelled.incrementAndGet();
            }
            assertThat(sem.tryAcquire(3)).as("round %d: all permits back", round).isTrue();
            sem.release(3);
        }
        System.out.printf("WeightedTest race: %d granted, %d cancelled%n", granted.get(), cancelled.get());
        assertThat(List.of(granted.get(), cancelled.get())).allMatch(n -> n > 0);
    }
}
