package dev.go4j;

import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Go#async}: a goroutine's result as a CompletableFuture, and {@link Go#threadFactory()}. */
class GoAsyncTest {
    private final Thread.UncaughtExceptionHandler saved = Thread.getDefaultUncaughtExceptionHandler();

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(saved);
    }

    @Test
    void theFutureCompletesWithTheValueComputedInAGoroutine() {
        var future = Go.async(() -> Thread.currentThread().getName());
        assertThat(await(future)).startsWith("goroutine ");
    }

    @Test
    void aCheckedExceptionCompletesTheFutureExceptionallyOnly() {
        var handled = new CompletableFuture<Throwable>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> handled.complete(e));
        var future = Go.async(() -> {
            throw new IOException("disk on fire");
        });
        assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(handled).isNotDone();
    }

    @Test
    void aPanicCompletesTheFutureAndFollowsThePanicPolicy() {
        var handled = new CompletableFuture<Throwable>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> handled.complete(e));
        var future = Go.async(() -> {
            throw new Panic("boom");
        });
        assertThat(await(handled)).isInstanceOf(Panic.class).hasMessage("boom");
        assertThat(future).isCompletedExceptionally();
    }

    @Test
    void cancellingTheFutureInterruptsTheGoroutine() {
        Chan<Empty> never = Chan.make();
        var interrupted = new CompletableFuture<Throwable>();
        var future = Go.async(() -> {
            try {
                return never.receive();
            } catch (Interrupted e) {
                interrupted.complete(e);
                throw e;
            }
        });
        awaitBlocked(never, WaitReason.CHAN_RECEIVE, 1);
        future.cancel(true);
        assertThat(await(interrupted)).isInstanceOf(Interrupted.class);
    }

    @Test
    void aGoroutineFromTheThreadFactoryIsCountedAndNumberedOnceItRuns() throws Exception {
        Chan<Empty> gate = Chan.make();
        var done = new CountDownLatch(1);
        Thread thread = Go.threadFactory().newThread(() -> {
            gate.receive();
            done.countDown();
        });
        assertThat(thread.isVirtual()).isTrue();
        assertThat(thread.getName()).startsWith("goroutine ");
        long id = Long.parseLong(thread.getName().substring("goroutine ".length()));
        assertThat(Go.goroutines()).noneMatch(g -> g.id() == id);
        thread.start();
        awaitBlocked(thread, WaitReason.CHAN_RECEIVE);
        assertThat(Go.goroutines()).anyMatch(g -> g.id() == id && g.waitReason() == WaitReason.CHAN_RECEIVE);
        gate.close();
        await(done);
        thread.join();
        assertThat(Go.goroutines()).noneMatch(g -> g.id() == id);
    }

    @Test
    void threadFactoryGoroutinesBelongToTheCreatingProgram() {
        assertThat(Go.run(new String[0], () -> {
            Thread thread = Go.threadFactory().newThread(() -> { });
            assertThat(thread.getName()).isEqualTo("goroutine 2");
            thread.start();
            thread.join();
        })).isZero();
    }
}
