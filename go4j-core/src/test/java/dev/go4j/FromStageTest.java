package dev.go4j;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;
import static dev.go4j.SelectTest.never;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.testsupport.Spawned;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link Chan#fromStage}: a completion stage as a channel that yields exactly one {@link Result}, then is closed.
 */
class FromStageTest {

    /** Receives the one result of {@code ch}, checking that the channel is closed and drained afterwards. */
    private static <T> Result<T> onlyResult(ReceiveChan<Result<T>> ch) {
        Received<Result<T>> first = ch.receiveOk();
        assertThat(first.ok()).as("a result was sent").isTrue();
        assertThat(ch.receiveOk()).as("then closed").isEqualTo(new Received<Result<T>>(null, false));
        assertThat(ch.tryReceive()).isInstanceOf(TryReceive.Closed.class);
        return first.value();
    }

    @Test
    void anAlreadyCompletedStageDeliversItsValueAtOnce() {
        ReceiveChan<Result<String>> ch = Chan.fromStage(CompletableFuture.completedFuture("done"));
        assertThat(ch.len()).isOne();
        assertThat(onlyResult(ch)).isEqualTo(Result.ok("done"));

        assertThat(onlyResult(Chan.fromStage(CompletableFuture.completedFuture(null))))
                .as("null is a value").isEqualTo(Result.ok(null));
    }

    @Test
    void aStageThatCompletesLaterWakesASelectWaitingOnIt() throws Exception {
        var future = new CompletableFuture<String>();
        ReceiveChan<Result<String>> ch = Chan.fromStage(future);
        Chan<String> quit = Chan.make();
        var got = new AtomicReference<Result<String>>();
        Spawned s = Spawned.go(() -> select(onReceive(ch, got::set), onReceive(quit, never())));
        s.awaitBlocked(WaitReason.SELECT);

        assertThat(future.complete("late")).isTrue(); // hands the result to the select, never blocks
        assertThat(s.end()).isNull();
        assertThat(got).hasValue(Result.ok("late"));
        assertThat(ch.receiveOk().ok()).as("closed after the one result").isFalse();
    }

    @Test
    void aResultIsKeptUntilSomeoneReceivesIt() throws Exception {
        var future = new CompletableFuture<Integer>();
        ReceiveChan<Result<Integer>> ch = Chan.fromStage(future);
        Spawned completer = Spawned.go(() -> future.complete(7)); // nobody receives yet; must not block
        assertThat(completer.end()).isNull();
        assertThat(onlyResult(ch)).isEqualTo(Result.ok(7));
    }

    @Test
    void aFailureIsDeliveredAsErrUnwrappedFromCompletionException() {
        var io = new IOException("disk on fire");
        assertThat(onlyResult(Chan.fromStage(CompletableFuture.failedFuture(io)))).isEqualTo(Result.err(io));

        var bad = new IllegalStateException("bad value");
        CompletableFuture<String> dependent = CompletableFuture.completedFuture("x").thenApply(v -> {
            throw bad;
        });
        assertThat(onlyResult(Chan.fromStage(dependent))).as("the cause, not the CompletionException")
                .isEqualTo(Result.err(bad));

        var bare = new CompletionException("no cause", null);
        assertThat(onlyResult(Chan.fromStage(CompletableFuture.failedFuture(bare))))
                .as("a CompletionException without a cause is kept").isEqualTo(Result.err(bare));
    }

    @Test
    void aCancelledStageDeliversErrWithCancellationException() {
        var future = new CompletableFuture<String>();
        ReceiveChan<Result<String>> ch = Chan.fromStage(future);
        CompletableFuture<String> dependent = future.thenApply(String::trim);
        ReceiveChan<Result<String>> dependentCh = Chan.fromStage(dependent);
        assertThat(future.cancel(true)).isTrue();

        assertThat(onlyResult(ch)).isInstanceOfSatisfying(Result.Err.class,
                err -> assertThat(err.error()).isInstanceOf(CancellationException.class));
        assertThat(onlyResult(dependentCh)).as("unwrapped from the dependent's CompletionException")
                .isInstanceOfSatisfying(Result.Err.class,
                        err -> assertThat(err.error()).isInstanceOf(CancellationException.class));
    }

    @Test
    void exactlyOneResultThenClosedForEveryReceiveForm() {
        ReceiveChan<Result<String>> ch = Chan.fromStage(CompletableFuture.completedFuture("one"));
        List<Result<String>> all = new ArrayList<>();
        for (Result<String> r : ch) {
            all.add(r);
        }
        assertThat(all).containsExactly(Result.ok("one"));
        assertThat(ch.receive()).as("the zero value of a closed channel").isNull();
        assertThat(Chan.fromStage(CompletableFuture.completedFuture("s")).stream().toList())
                .containsExactly(Result.ok("s"));
    }

    @Test
    void noGoroutineWaitsForAPendingStage() {
        int before = Go.numGoroutine();
        List<ReceiveChan<Result<Object>>> pending = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            pending.add(Chan.fromStage(new CompletableFuture<>()));
        }
        assertThat(Go.numGoroutine()).isLessThanOrEqualTo(before);
        assertThat(pending).allSatisfy(ch -> assertThat(ch.tryReceive()).isInstanceOf(TryReceive.WouldBlock.class));
    }

    @Test
    void aNullStageIsRejected() {
        assertThatThrownBy(() -> Chan.fromStage(null)).isInstanceOf(NullPointerException.class).hasMessage("stage");
    }
}
