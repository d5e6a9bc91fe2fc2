package dev.go4j.context;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Panic;
import dev.go4j.ReceiveChan;
import dev.go4j.TryReceive;
import dev.go4j.internal.context.ContextProbe;
import dev.go4j.testsupport.Spawned;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Go's context semantics: cancellation trees, deadlines, values, causes, afterFunc and interruptOnDone. */
class ContextTest {

    @AfterEach
    void noInterruptLeftBehind() {
        assertThat(Thread.interrupted()).as("interrupt status after the test").isFalse();
    }

    private static boolean isClosed(ReceiveChan<Empty> done) {
        return done.tryReceive() instanceof TryReceive.Closed<Empty>;
    }

    @Test
    void backgroundAndTodoAreNeverCancelled() {
        for (Context root : List.of(Context.background(), Context.todo())) {
            assertThat(root.done()).isSameAs(Chan.nil());
            assertThat(root.err()).isNull();
            assertThat(root.deadline()).isEmpty();
            assertThat(root.value(Context.<String>key("k"))).isNull();
            assertThat(Context.cause(root)).isNull();
        }
        assertThat(Context.background()).hasToString("context.Background");
        assertThat(Context.todo()).hasToString("context.TODO");
    }

    @Test
    void cancelClosesDoneSetsErrOnceAndSpreadsDownNeverUp() {
        CancelContext parent = Context.withCancel(Context.background());
        CancelContext child = Context.withCancel(parent);
        Context grandchild = Context.withValue(Context.withCancel(child), Context.key("k"), 1);
        assertThat(parent.err()).isNull();
        child.cancel();
        assertThat(isClosed(child.done())).isTrue();
        assertThat(child.err()).isSameAs(Context.CANCELED).hasMessage("context canceled");
        assertThat(grandchild.err()).isSameAs(Context.CANCELED);
        assertThat(parent.err()).as("a child never affects its parent").isNull();
        assertThat(isClosed(parent.done())).isFalse();
        child.cancel(new IllegalStateException("again"));
        assertThat(Context.cause(child)).as("cancel is idempotent").isSameAs(Context.CANCELED);
        parent.cancel();
    }

    @Test
    void aChildOfACancelledParentIsBornCancelled() {
        CancelContext parent = Context.withCancel(Context.background());
        parent.cancel(new RuntimeException("why"));
        CancelContext child = Context.withTimeout(parent, Duration.ofHours(1));
        assertThat(child.err()).isSameAs(Context.CANCELED);
        assertThat(Context.cause(child)).hasMessage("why");
    }

    @Test
    void tryWithResourcesCancels() {
        CancelContext escaped;
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            escaped = ctx;
            assertThat(ctx.err()).isNull();
        }
        assertThat(escaped.err()).isSameAs(Context.CANCELED);
    }

    @Test
    void valuesAreFoundUpTheChainByKeyIdentity() {
        Context.Key<String> user = Context.key("user");
        Context.Key<String> other = Context.key("user");
        Context ctx = Context.withValue(Context.background(), user, "gopher");
        Context inner = Context.withValue(Context.withCancel(ctx), user, "shadow");
        assertThat(ctx.value(user)).isEqualTo("gopher");
        assertThat(ctx.value(other)).as("same name, different key").isNull();
        assertThat(inner.value(user)).isEqualTo("shadow");
        assertThat(Context.withoutCancel(inner).value(user)).isEqualTo("shadow");
        assertThat(inner.<String>value(null)).isNull();
        assertThatThrownBy(() -> Context.withValue(Context.background(), null, "v")).isInstanceOf(Panic.class)
                .hasMessage("nil key");
    }

    @Test
    void deadlinePassesWithDeadlineExceededAfterAtLeastTheTimeout() throws Exception {
        long start = System.nanoTime();
        CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofMillis(30));
        assertThat(ctx.deadline()).isPresent();
        ctx.done().receive();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
        assertThat(ctx.err()).isSameAs(Context.DEADLINE_EXCEEDED).hasMessage("context deadline exceeded");
        assertThat(ctx.err()).isInstanceOf(CancellationException.class);
        assertThat(Context.cause(ctx)).isSameAs(Context.DEADLINE_EXCEEDED);
    }

    @Test
    void aChildsDeadlineNeverExceedsItsParents() {
        CancelContext parent = Context.withTimeout(Context.background(), Duration.ofMinutes(1));
        CancelContext later = Context.withTimeout(parent, Duration.ofHours(1));
        CancelContext earlier = Context.withTimeout(parent, Duration.ofSeconds(1));
        assertThat(later.deadline()).isEqualTo(parent.deadline());
        assertThat(earlier.deadline().orElseThrow()).isBefore(parent.deadline().orElseThrow());
        Instant past = Instant.now().minusSeconds(1);
        CancelContext expired = Context.withDeadline(Context.background(), past);
        assertThat(expired.err()).isSameAs(Context.DEADLINE_EXCEEDED);
        parent.cancel();
        assertThat(later.err()).isSameAs(Context.CANCELED);
    }

    @Test
    void causesAreReportedAsGoDoes() throws Exception {
        CancelContext ctx = Context.withCancelCause(Context.background());
        assertThat(Context.cause(ctx)).as("not done").isNull();
        var why = new IllegalStateException("shutting down");
        ctx.cancel(why);
        assertThat(ctx.err()).isSameAs(Context.CANCELED);
        assertThat(Context.cause(ctx)).isSameAs(why);
        assertThat(Context.cause(Context.withValue(ctx, Context.key("k"), 1))).isSameAs(why);

        var slow = new RuntimeException("too slow");
        CancelContext timed = Context.withTimeoutCause(Context.background(), Duration.ofMillis(5), slow);
        timed.done().receive();
        assertThat(timed.err()).isSameAs(Context.DEADLINE_EXCEEDED);
        assertThat(Context.cause(timed)).isSameAs(slow);

        CancelContext plain = Context.withCancel(Context.background());
        plain.cancel();
        assertThat(Context.cause(plain)).isSameAs(Context.CANCELED);
    }

    @Test
    void withoutCancelKeepsValuesButNeverCancels() {
        Context.Key<Integer> k = Context.key("k");
        CancelContext parent = Context.withTimeout(Context.withValue(Context.background(), k, 7),
                Duration.ofHours(1));
        Context detached = Context.withoutCancel(parent);
        CancelContext child = Context.withCancel(detached);
        parent.cancel();
        assertThat(detached.err()).isNull();
        assertThat(detached.done()).isSameAs(Chan.nil());
        assertThat(detached.deadline()).isEmpty();
        assertThat(detached.value(k)).isEqualTo(7);
        assertThat(child.err()).as("nothing propagates through withoutCancel").isNull();
        child.cancel();
    }

    @Test
    void afterFuncRunsOnceInAGoroutineOrIsStopped() throws Exception {
        CancelContext ctx = Context.withCancel(Context.background());
        var runs = new AtomicInteger();
        var ran = new CountDownLatch(1);
        var thread = new String[1];
        BooleanSupplier stop = Context.afterFunc(ctx, () -> {
            thread[0] = Thread.currentThread().getName();
            runs.incrementAndGet();
            ran.countDown();
        });
        ctx.cancel();
        ctx.cancel();
        await(ran);
        assertThat(stop.getAsBoolean()).as("already ran").isFalse();
        assertThat(runs.get()).isEqualTo(1);
        assertThat(thread[0]).startsWith("goroutine ");

        CancelContext other = Context.withCancel(Context.background());
        var never = new CountDownLatch(1);
        BooleanSupplier stopOther = Context.afterFunc(other, never::countDown);
        assertThat(stopOther.getAsBoolean()).isTrue();
        assertThat(stopOther.getAsBoolean()).isFalse();
        assertThat(ContextProbe.registeredChildren(other)).as("stop unregisters").isZero();
        other.cancel();
        assertThat(never.await(100, TimeUnit.MILLISECONDS)).isFalse();

        var immediate = new CountDownLatch(1);
        Context.afterFunc(ctx, immediate::countDown);
        assertThat(immediate.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("already done: runs at once")
                .isTrue();
        assertThat(Context.afterFunc(Context.background(), () -> { }).getAsBoolean())
                .as("never cancellable: stop prevents it").isTrue();
    }

    @Test
    void interruptOnDoneCancelsABlockingJdkCallAndLeavesNoInterrupt() throws Exception {
        CancelContext ctx = Context.withCancel(Context.background());
        var queue = new LinkedBlockingQueue<String>();
        var started = new CountDownLatch(1);
        Spawned taker = Spawned.go(() -> Context.interruptOnDone(ctx, () -> {
            started.countDown();
            return queue.take();
        }));
        started.await();
        ctx.cancel();
        Throwable failure = taker.end();
        assertThat(failure).isInstanceOf(Context.Canceled.class).hasCauseInstanceOf(InterruptedException.class);
        assertThat(failure).isNotSameAs(Context.CANCELED);
        assertThat(taker.interruptedAtEnd()).isFalse();

        assertThat(Context.interruptOnDone(Context.withCancel(Context.background()), () -> "fine"))
                .isEqualTo("fine");
        assertThatThrownBy(() -> Context.interruptOnDone(ctx, () -> "never called"))
                .isInstanceOf(Context.Canceled.class);
    }

    @Test
    void interruptOnDoneNeverLeavesALateInterruptPending() throws Exception {
        for (int round = 0; round < 2_000; round++) {
            CancelContext ctx = Context.withCancel(Context.background());
            go(ctx::cancel); // races the call's completion
            try {
                Context.interruptOnDone(ctx, () -> {
                    for (int i = 0; i < 200; i++) {
                        Thread.onSpinWait();
                    }
                    return null;
                });
            } catch (Context.Canceled expectedSometimes) {
                // The cancel won before the call started.
            }
            assertThat(Thread.interrupted()).as("round %d", round).isFalse();
        }
    }

    @Test
    void aTenThousandDeepChainAndATenThousandWideFanOutCancelCompletely() {
        CancelContext root = Context.withCancel(Context.background());
        Context tip = root;
        for (int i = 0; i < 10_000; i++) {
            tip = i % 3 == 0 ? Context.withValue(tip, Context.key("k" + i), i) : Context.withCancel(tip);
        }
        List<CancelContext> fan = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            fan.add(Context.withTimeout(root, Duration.ofHours(1)));
        }
        assertThat(tip.value(Context.<String>key("absent"))).isNull();
        root.cancel();
        assertThat(tip.err()).isSameAs(Context.CANCELED);
        assertThat(isClosed(tip.done())).isTrue();
        assertThat(fan).allMatch(c -> c.err() == Context.CANCELED);
    }

    @Test
    void aForeignParentIsWatchedThroughItsDoneChannel() throws Exception {
        CancelContext real = Context.withCancel(Context.background());
        Context foreign = new Context() {
            @Override
            public ReceiveChan<Empty> done() {
                return real.done();
            }

            @Override
            public CancellationException err() {
                return real.err();
            }

            @Override
            public Optional<Instant> deadline() {
                return Optional.empty();
            }

            @Override
            public <T> T value(Context.Key<T> key) {
                return null;
            }
        };
        CancelContext child = Context.withCancel(foreign);
        var afterFuncRan = new CountDownLatch(1);
        Context.afterFunc(foreign, afterFuncRan::countDown);
        real.cancel();
        child.done().receive();
        assertThat(child.err()).isSameAs(Context.CANCELED);
        await(afterFuncRan);
    }

    /** A user's context that forwards every method to {@code inner}, except {@code done()} if {@code ownDone}. */
    private static final class Wrapper implements Context {
        private final Context inner;
        private final ReceiveChan<Empty> ownDone;

        Wrapper(Context inner, ReceiveChan<Empty> ownDone) {
            this.inner = inner;
            this.ownDone = ownDone;
        }

        @Override
        public ReceiveChan<Empty> done() {
            return ownDone != null ? ownDone : inner.done();
        }

        @Override
        public CancellationException err() {
            return inner.err();
        }

        @Override
        public Optional<Instant> deadline() {
            return inner.deadline();
        }

        @Override
        public <T> T value(Context.Key<T> key) {
            return inner.value(key);
        }
    }

    /**
     * Port of Go's {@code TestCustomContextPropagation} (context/x_test.go): a wrapper with a done channel of its
     * own around {@code withCancelCause}; its child is cancelled once the wrapper's done closes, with the inner
     * context's cause, which {@code cause} finds through the wrapper.
     */
    @Test
    void customContextPropagationCarriesTheCauseThroughAWrapperWithItsOwnDone() {
        var why = new RuntimeException("TestCustomContextPropagation");
        Chan<Empty> ownDone = Chan.make();
        CancelContext inner = Context.withCancelCause(Context.background());
        Context wrapper = new Wrapper(inner, ownDone);
        try (CancelContext child = Context.withCancel(wrapper)) {
            inner.cancel(why);
            ownDone.close();
            child.done().receive();
            assertThat(child.err()).isSameAs(Context.CANCELED);
            assertThat(Context.cause(child)).isSameAs(why);
            assertThat(Context.cause(wrapper)).isSameAs(why);
        }
    }

    /**
     * The fully forwarding variant of {@code TestCustomContextPropagation}: the wrapper forwards done() too, so
     * (as Go's parentCancelCtx) the child registers with the inner context directly, no watching goroutine is
     * started, and the cancellation and its cause arrive synchronously.
     */
    @Test
    void aFullyForwardingWrapperRegistersItsChildrenWithTheInnerContextDirectly() {
        var why = new RuntimeException("forwarded");
        CancelContext inner = Context.withCancelCause(Context.background());
        Context wrapper = new Wrapper(inner, null);
        int goroutines = dev.go4j.Go.numGoroutine();
        CancelContext child = Context.withCancel(wrapper);
        assertThat(ContextProbe.registeredChildren(inner)).isEqualTo(1);
        assertThat(dev.go4j.Go.numGoroutine()).as("no watcher goroutine").isEqualTo(goroutines);
        inner.cancel(why);
        assertThat(child.err()).as("cancelled within inner's cancel").isSameAs(Context.CANCELED);
        assertThat(Context.cause(child)).isSameAs(why);
        assertThat(Context.cause(wrapper)).isSameAs(why);
        assertThat(Context.cause(Context.withValue(wrapper, Context.key("k"), 1))).isSameAs(why);
        assertThat(Context.cause(Context.withoutCancel(wrapper))).as("nothing crosses withoutCancel").isNull();
    }

    /** A value whose class keeps Object's toString: Go's stringify prints its type name. */
    private static final class Opaque {
    }

    /** A value with its own toString: Go's Stringer. */
    private record Point(int x, int y) {
    }

    /**
     * Port of the string checks of Go's {@code TestValues} (context/context_test.go, Go 1.21+): a value context
     * prints {@code parent.WithValue(key, value)}, a string value as it is, a Stringer by its text, nil as
     * {@code <nil>}, anything else by its type name.
     */
    @Test
    void aValueContextPrintsItsKeyAndValueAsGoDoes() {
        Context.Key<String> k1 = Context.key("k1");
        Context.Key<String> k2 = Context.key("k2");
        Context c1 = Context.withValue(Context.background(), k1, "c1k1");
        assertThat(c1).hasToString("context.Background.WithValue(k1, c1k1)");
        Context c2 = Context.withValue(c1, k2, "c2k2");
        assertThat(c2).hasToString("context.Background.WithValue(k1, c1k1).WithValue(k2, c2k2)");
        Context c4 = Context.withValue(c2, k1, null);
        assertThat(c4).hasToString("context.Background.WithValue(k1, c1k1).WithValue(k2, c2k2).WithValue(k1, <nil>)");
        assertThat(Context.withValue(Context.todo(), Context.key("p"), new Point(1, 2)))
                .hasToString("context.TODO.WithValue(p, Point[x=1, y=2])");
        assertThat(Context.withValue(Context.todo(), Context.key("o"), new Opaque()))
                .hasToString("context.TODO.WithValue(o, " + Opaque.class.getName() + ")");
    }

    @Test
    void cancelledChildrenLeaveNoRegistrationInALongLivedParent() {
        CancelContext parent = Context.withCancel(Context.background());
        for (int i = 0; i < 100_000; i++) {
            try (CancelContext child = Context.withTimeout(parent, Duration.ofHours(1))) {
                Context.afterFunc(child, () -> { });
            }
        }
        assertThat(ContextProbe.registeredChildren(parent)).isZero();
        parent.cancel();
    }

    @Test
    void theSharedErrorsCannotBeGivenACause() {
        assertThatThrownBy(() -> Context.CANCELED.initCause(new RuntimeException()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Context.DEADLINE_EXCEEDED.initCause(new RuntimeException()))
                .isInstanceOf(IllegalStateException.class);
        var fresh = new Context.Canceled();
        fresh.initCause(new RuntimeException("why"));
        assertThat(fresh).hasMessage("context canceled").hasCauseInstanceOf(RuntimeException.class);
        assertThat(fresh.getStackTrace()).as("stackless").isEmpty();
    }
}
