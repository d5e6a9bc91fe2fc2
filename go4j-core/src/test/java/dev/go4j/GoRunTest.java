package dev.go4j;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.sync.Mutex;
import dev.go4j.sync.WaitGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Go#run}: a program's exit status returned, and each program a scope of its own. */
class GoRunTest {
    private static final String[] NO_ARGS = {};
    private final Thread.UncaughtExceptionHandler saved = Thread.getDefaultUncaughtExceptionHandler();

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(saved);
    }

    @Test
    void mainReturningGivesZero() {
        var ran = new AtomicBoolean();
        assertThat(Go.run(NO_ARGS, () -> ran.set(true))).isZero();
        assertThat(ran).isTrue();
    }

    @Test
    void exitGivesItsStatusAndTheCallerGoesNoFurther() {
        var after = new AtomicBoolean();
        int status = Go.run(NO_ARGS, () -> {
            Go.exit(3);
            after.set(true);
        });
        assertThat(status).isEqualTo(3);
        assertThat(after).isFalse();
    }

    @Test
    void exitFromAnotherGoroutineEndsTheProgram() {
        int status = Go.run(NO_ARGS, () -> {
            go(() -> Go.exit(4));
            Chan.<Empty>make().receive(); // never: the exit ends the program, and this receive is interrupted
        });
        assertThat(status).isEqualTo(4);
    }

    @Test
    void aPanicInMainGivesTwo() {
        assertThat(Go.run(NO_ARGS, () -> {
            throw new Panic("boom");
        })).isEqualTo(2);
    }

    @Test
    void aPanicInAnotherGoroutineGivesTwoAndMainIsInterrupted() {
        var mainInterrupted = new CompletableFuture<Throwable>();
        int status = Go.run(NO_ARGS, () -> {
            go(() -> {
                throw new IllegalStateException("bad state");
            });
            try {
                Chan.<Empty>make().receive();
            } catch (Interrupted e) {
                mainInterrupted.complete(e);
                throw e;
            }
        });
        assertThat(status).isEqualTo(2);
        assertThat(await(mainInterrupted)).isInstanceOf(Interrupted.class);
    }

    @Test
    void aFatalErrorGivesTwo() {
        assertThat(Go.run(NO_ARGS, () -> new Mutex().unlock())).isEqualTo(2);
    }

    @Test
    void theFirstEndWins() {
        int status = Go.run(NO_ARGS, () -> {
            var wg = new WaitGroup();
            wg.go(() -> Go.exit(5));
            wg.await();
            throw new Panic("too late"); // the status is decided: this goes to the uncaught-exception handler
        });
        assertThat(status).isEqualTo(5);
    }

    @Test
    void idsStartAtOneInEveryProgram() {
        for (int i = 0; i < 2; i++) {
            var ids = new ArrayList<Long>();
            assertThat(Go.run(NO_ARGS, () -> {
                ids.add(Go.goroutines().getFirst().id());
                var wg = new WaitGroup();
                wg.go(() -> ids.add(currentId()));
                wg.await();
            })).isZero();
            assertThat(ids).containsExactly(1L, 2L);
        }
    }

    private static long currentId() {
        String header = Go.stack(false).lines().findFirst().orElseThrow();
        return Long.parseLong(header.substring("goroutine ".length(), header.indexOf(' ', "goroutine ".length())));
    }

    @Test
    void programsRunningAtOnceSeeOnlyTheirOwnGoroutines() throws Exception {
        int programs = 2;
        int workers = 3;
        var allBlocked = new CountDownLatch(programs);
        Chan<Empty> release = Chan.make();
        var counts = new AtomicReference[programs];
        var dumps = new String[programs];
        var statuses = new AtomicInteger[programs];
        List<Thread> launchers = new ArrayList<>();
        for (int p = 0; p < programs; p++) {
            int index = p;
            statuses[p] = new AtomicInteger(-1);
            counts[p] = new AtomicReference<Integer>();
            launchers.add(Thread.ofPlatform().start(() -> statuses[index].set(Go.run(NO_ARGS, () -> {
                Chan<Empty> gate = Chan.make();
                for (int w = 0; w < workers; w++) {
                    go(gate::receive);
                }
                for (int w = 0; w < workers; w++) {
                    awaitBlockedCount(gate, workers);
                }
                counts[index].set(Go.numGoroutine());
                var text = new StringBuilder();
                Go.dump(text);
                dumps[index] = text.toString();
                allBlocked.countDown();
                release.receive();
                gate.close();
            }))));
        }
        await(allBlocked);
        for (int p = 0; p < programs; p++) {
            release.send(Empty.VALUE);
        }
        for (Thread launcher : launchers) {
            launcher.join();
        }
        for (int p = 0; p < programs; p++) {
            assertThat(statuses[p].get()).isZero();
            assertThat(counts[p].get()).isEqualTo(1 + workers);
            assertThat(dumps[p]).containsOnlyOnce("goroutine 1 [").contains("goroutine 4 [chan receive]")
                    .doesNotContain("goroutine 5 [");
        }
    }

    private static void awaitBlockedCount(Chan<Empty> gate, int count) {
        awaitBlocked(gate, WaitReason.CHAN_RECEIVE, count);
    }

    @Test
    void thePanicPolicyChosenInsideStaysInside() {
        assertThat(Go.run(NO_ARGS, () -> {
            assertThat(Go.panicPolicy()).isEqualTo(PanicPolicy.EXIT);
            Go.setPanicPolicy(PanicPolicy.UNCAUGHT_EXCEPTION_HANDLER);
            assertThat(Go.panicPolicy()).isEqualTo(PanicPolicy.UNCAUGHT_EXCEPTION_HANDLER);
        })).isZero();
        assertThat(Go.panicPolicy()).isEqualTo(PanicPolicy.UNCAUGHT_EXCEPTION_HANDLER);
        assertThat(Go.run(NO_ARGS, () -> assertThat(Go.panicPolicy()).isEqualTo(PanicPolicy.EXIT))).isZero();
    }

    @Test
    void goroutinesLeftBlockedAreInterruptedQuietly() {
        var failures = new CompletableFuture<Throwable>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> failures.complete(e));
        var blocked = new CompletableFuture<Thread>();
        assertThat(Go.run(NO_ARGS, () -> {
            Chan<Empty> never = Chan.make();
            go(() -> {
                blocked.complete(Thread.currentThread());
                never.receive();
            });
            awaitBlocked(never, WaitReason.CHAN_RECEIVE, 1);
        })).isZero();
        join(await(blocked)); // interrupted by Go.run's end, its Interrupted unwound the goroutine: it has ended
        assertThat(failures).as("what reached the uncaught-exception handler").isNotDone();
    }

    @Test
    void aLeftoverGoroutinesLaterPanicGoesToTheHandlerNotToTheNextProgram() throws Exception {
        var failures = new CompletableFuture<Throwable>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> failures.complete(e));
        var leftover = new CompletableFuture<Thread>();
        var release = new CountDownLatch(1);
        assertThat(Go.run(NO_ARGS, () -> go(() -> {
            leftover.complete(Thread.currentThread());
            while (true) { // ignores interrupts, as a computing goroutine would
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    // keep waiting
                }
            }
            throw new Panic("late panic");
        }))).isZero();
        Thread thread = await(leftover);
        assertThat(thread.isAlive()).isTrue();
        var second = Go.run(NO_ARGS, () -> {
            assertThat(Go.numGoroutine()).isEqualTo(1);
            assertThat(Go.goroutines()).hasSize(1);
            release.countDown();
            thread.join();
        });
        assertThat(second).isZero();
        assertThat(await(failures)).isInstanceOf(Panic.class).hasMessage("late panic");
    }

    @Test
    void threadsOutsideEveryProgramSeeEveryGoroutine() {
        var outside = new AtomicInteger();
        assertThat(Go.run(NO_ARGS, () -> {
            Chan<Integer> count = Chan.make();
            Thread.ofPlatform().start(() -> count.send(Go.numGoroutine()));
            outside.set(count.receive());
        })).isZero();
        assertThat(outside.get()).isGreaterThanOrEqualTo(1);
    }
}
