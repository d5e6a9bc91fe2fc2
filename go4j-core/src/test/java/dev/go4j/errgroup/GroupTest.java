package dev.go4j.errgroup;

import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Panic;
import dev.go4j.WaitReason;
import dev.go4j.context.Context;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** errgroup: the first error wins and cancels the context; limits; panics are not errors. */
class GroupTest {
    @Test
    void theFirstErrorWinsAndCancelsTheContextWithItAsCause() {
        var gc = Group.withContext(Context.background());
        Group g = gc.group();
        var first = new IOException("first");
        g.go(() -> {
            throw first;
        });
        g.go(() -> {
            gc.context().done().receive(); // cancelled by the first error
            throw new IllegalStateException("second, dropped");
        });
        assertThatThrownBy(g::await).isSameAs(first);
        assertThat(gc.context().err()).isSameAs(Context.CANCELED);
        assertThat(Context.cause(gc.context())).isSameAs(first);
    }

    @Test
    void theContextIsCancelledWhenAwaitReturns() throws Exception {
        var gc = Group.withContext(Context.background());
        var ran = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            gc.group().go(ran::incrementAndGet);
        }
        assertThat(gc.context().err()).isNull();
        gc.group().await();
        assertThat(ran.get()).isEqualTo(10);
        assertThat(gc.context().err()).isSameAs(Context.CANCELED);
        assertThat(Context.cause(gc.context())).isSameAs(Context.CANCELED);
    }

    @Test
    void theLimitIsNeverExceeded() throws Exception {
        var g = new Group();
        g.setLimit(3);
        var running = new AtomicInteger();
        var max = new AtomicInteger();
        for (int i = 0; i < 200; i++) {
            g.go(() -> {
                int now = running.incrementAndGet();
                max.accumulateAndGet(now, Math::max);
                Thread.yield();
                running.decrementAndGet();
            });
        }
        g.await();
        assertThat(max.get()).isBetween(1, 3);
    }

    @Test
    void tryGoFailsAtTheLimitAndSetLimitWhileActivePanics() throws Exception {
        var g = new Group();
        g.setLimit(1);
        var release = new CountDownLatch(1);
        g.go(release::await);
        assertThat(g.tryGo(() -> { })).isFalse();
        assertThatThrownBy(() -> g.setLimit(2)).isInstanceOf(Panic.class)
                .hasMessage("errgroup: modify limit while 1 goroutines in the group are still active");
        release.countDown();
        g.await();
        assertThat(g.tryGo(() -> { })).isTrue();
        g.await();
        g.setLimit(-1); // no limit; never throws
        g.setLimit(5);
        g.setLimit(-7);
    }

    @Test
    void aLimitOfZeroBlocksGoAndFailsTryGo() throws Exception {
        var g = new Group();
        g.setLimit(0);
        assertThat(g.tryGo(() -> { })).isFalse();
        Thread thread = Thread.ofVirtual().start(() -> {
            try {
                g.go(() -> { });
            } catch (dev.go4j.Interrupted expected) {
                // The way out of a limit of zero.
            }
        });
        awaitBlocked(thread, WaitReason.CHAN_SEND);
        thread.interrupt();
        join(thread);
    }

    @Test
    @ResourceLock("go4j.panicPolicy")
    void aPanicInATaskIsNotAnErrorButFollowsThePanicPolicy() throws Exception {
        var saved = Thread.getDefaultUncaughtExceptionHandler();
        var reported = new CompletableFuture<Throwable>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> reported.complete(e));
        try {
            var gc = Group.withContext(Context.background());
            gc.group().go(() -> {
                throw new Panic("boom");
            });
            gc.group().await(); // no error
            assertThat(await(reported)).isInstanceOf(Panic.class).hasMessage("boom");
            assertThat(Context.cause(gc.context())).isSameAs(Context.CANCELED);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(saved);
        }
    }
}
