package dev.go4j.semaphore;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Interrupted;
import dev.go4j.Panic;
import dev.go4j.WaitReason;
import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.testsupport.Spawned;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The weighted semaphore: FIFO without barging, context-bounded waits, grants racing cancellation. */
class WeightedTest {
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
        awaitBlocked(sem, WaitReason.SEMACQUIRE, 1);
        var b = acquireLater(sem, Context.background(), 1, order, "b");
        awaitBlocked(sem, WaitReason.SEMACQUIRE, 2);
        sem.release(1);
        assertThat(await(a)).isNull();
        sem.release(1);
        assertThat(await(b)).isNull();
        assertThat(order).containsExactly("a", "b");
    }

    @Test
    void aWaiterThatDoesNotFitBlocksTheSmallerOnesBehindIt() throws Exception {
        var sem = new Weighted(3);
        sem.acquire(Context.background(), 2);
        var order = new ConcurrentLinkedQueue<String>();
        var big = acquireLater(sem, Context.background(), 3, order, "big");
        awaitBlocked(sem, WaitReason.SEMACQUIRE, 1);
        var small = acquireLater(sem, Context.background(), 1, order, "small");
        awaitBlocked(sem, WaitReason.SEMACQUIRE, 2);
        assertThat(sem.tryAcquire(1)).as("someone is waiting").isFalse();
        assertThat(order).isEmpty();
        sem.release(2);
        assertThat(await(big)).isNull();
        assertThat(small.isDone()).isFalse();
        sem.release(3);
        assertThat(await(small)).isNull();
        assertThat(order).containsExactly("big", "small");
    }

    @Test
    void aCancelledHeadWaiterLetsThoseBehindItThatNowFit() throws Exception {
        var sem = new Weighted(3);
        sem.acquire(Context.background(), 2);
        CancelContext bigCtx = Context.withCancel(Context.background());
        var order = new ConcurrentLinkedQueue<String>();
        var big = acquireLater(sem, bigCtx, 2, order, "big");
        awaitBlocked(sem, WaitReason.SEMACQUIRE, 1);
        var small = acquireLater(sem, Context.background(), 1, order, "small");
        awaitBlocked(sem, WaitReason.SEMACQUIRE, 2);
        bigCtx.cancel();
        assertThat(await(big)).isInstanceOf(Context.Canceled.class);
        assertThat(await(small)).isNull();
        assertThat(order).containsExactly("small");
    }

    @Test
    void moreThanTheSizeWaitsUntilTheContextIsDone() throws Exception {
        var sem = new Weighted(2);
        CancelContext ctx = Context.withCancel(Context.background());
        var outcome = acquireLater(sem, ctx, 3, new ConcurrentLinkedQueue<>(), "too big");
        awaitBlocked(sem, WaitReason.SEMACQUIRE, 1);
        assertThat(sem.tryAcquire(2)).as("the oversized waiter queues nobody behind it").isTrue();
        sem.release(2);
        ctx.cancel();
        assertThat(await(outcome)).isInstanceOf(Context.Canceled.class);
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
        Spawned waiter = Spawned.go(() -> sem.acquire(Context.background(), 1));
        waiter.awaitBlocked(WaitReason.SEMACQUIRE);
        waiter.thread().interrupt();
        assertThat(waiter.end()).isInstanceOf(Interrupted.class);
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
            var outcome = acquireLater(sem, ctx, 2, new ConcurrentLinkedQueue<>(), "racer");
            if (round % 2 == 0) {
                awaitBlocked(sem, WaitReason.SEMACQUIRE, 1);
            }
            go(ctx::cancel);
            sem.release(3);
            Throwable failure = await(outcome);
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
