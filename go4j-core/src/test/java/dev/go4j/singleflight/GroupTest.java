package dev.go4j.singleflight;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Panic;
import dev.go4j.Select;
import dev.go4j.programs.JavaProcess;
import dev.go4j.sync.WaitGroup;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * singleflight: one execution per key in flight, shared by every caller; errors reach all; forget; a panic under
 * Go.main ends the program before any doChan caller sees a result, while library mode still delivers it.
 */
class GroupTest {
    /** Child runs per panic program: the defect these guard against was a race, so one run proves little. */
    private static final int CHILD_RUNS = 5;

    private static void awaitCallers(Group<String, ?> group, String key, int n) {
        // polling the in-flight counter, not guessing an order
        awaitCondition(n + " callers joined", () -> group.callers(key) >= n);
    }

    @Test
    void oneThousandCallersShareOneExecution() throws Exception {
        var group = new Group<String, String>();
        var executions = new AtomicInteger();
        var release = new CountDownLatch(1);
        var results = new ConcurrentLinkedQueue<Shared<String>>();
        var wg = new WaitGroup();
        for (int i = 0; i < 1_000; i++) {
            wg.go(() -> results.add(group.doCall("key", () -> {
                executions.incrementAndGet();
                release.await();
                return "value";
            })));
        }
        awaitCallers(group, "key", 1_000);
        release.countDown();
        wg.await();
        assertThat(executions.get()).isEqualTo(1);
        assertThat(results).hasSize(1_000).allMatch(r -> r.value().equals("value") && r.shared());
        assertThat(group.callers("key")).isZero();
    }

    @Test
    void aLoneCallerIsNotShared() throws Exception {
        var group = new Group<String, Integer>();
        assertThat(group.doCall("k", () -> 42)).isEqualTo(new Shared<>(42, false));
    }

    @Test
    void theErrorReachesEveryCaller() throws Exception {
        var group = new Group<String, String>();
        var failure = new IOException("backend down");
        var release = new CountDownLatch(1);
        var errors = new ConcurrentLinkedQueue<Throwable>();
        var wg = new WaitGroup();
        for (int i = 0; i < 10; i++) {
            wg.go(() -> {
                try {
                    group.doCall("key", () -> {
                        release.await();
                        throw failure;
                    });
                } catch (Exception e) {
                    errors.add(e);
                }
            });
        }
        awaitCallers(group, "key", 10);
        release.countDown();
        wg.await();
        assertThat(errors).hasSize(10).allMatch(e -> e == failure);
    }

    @Test
    void forgetLetsTheNextCallRunAgainWhileTheFirstIsInFlight() throws Exception {
        var group = new Group<String, Integer>();
        var executions = new AtomicInteger();
        var release = new CountDownLatch(1);
        var first = new java.util.concurrent.CompletableFuture<Shared<Integer>>();
        go(() -> first.complete(group.doCall("k", () -> {
            executions.incrementAndGet();
            release.await();
            return 1;
        })));
        awaitCallers(group, "k", 1);
        group.forget("k");
        assertThat(group.doCall("k", () -> {
            executions.incrementAndGet();
            return 2;
        })).isEqualTo(new Shared<>(2, false));
        release.countDown();
        assertThat(await(first)).isEqualTo(new Shared<>(1, false));
        assertThat(executions.get()).isEqualTo(2);
    }

    @Test
    void doChanDeliversOneSharedResultUsableInASelect() throws Exception {
        var group = new Group<String, String>();
        var release = new CountDownLatch(1);
        var a = group.doChan("k", () -> {
            release.await();
            return "v";
        });
        var b = group.doChan("k", () -> "never runs");
        assertThat(a.cap()).isEqualTo(1);
        release.countDown();
        var got = new Result<?>[1];
        assertThat(Select.select(TIMEOUT, Select.onReceive(a, r -> got[0] = r))).isTrue();
        assertThat(got[0]).isEqualTo(new Result<>("v", null, true));
        assertThat(b.receive()).isEqualTo(new Result<>("v", null, true));
        assertThat(a.tryReceive()).as("never closed").isInstanceOf(dev.go4j.TryReceive.WouldBlock.class);

        var failing = group.doChan("e", () -> {
            throw new IOException("nope");
        });
        Result<String> r = failing.receive();
        assertThat(r.error()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> {
            throw r.error();
        }).hasMessage("nope");
    }

    /**
     * Under Go.main a panicking doChan call ends the program with Go's panic report and status 2, and its
     * receiver never gets a result; ports Go's {@code TestPanicDoChan}.
     */
    @Test
    void underGoMainAPanickingDoChanCallEndsTheProgramBeforeAnyResult() throws Exception {
        for (int run = 0; run < CHILD_RUNS; run++) {
            var outcome = JavaProcess.run(PanicPrograms.DoChanPanics.class);
            assertThat(outcome.stdout()).as("run %d stdout", run).isEmpty();
            assertThat(outcome.exitStatus()).as("run %d exit status", run).isEqualTo(2);
            assertThat(outcome.stderr()).as("run %d stderr", run)
                    .startsWith("panic: Panicking in DoChan\n\ngoroutine ");
        }
    }

    /**
     * Under Go.main a panicking doCall that a doChan caller shares ends the program with status 2 even though
     * the doCall caller catches everything, and the doChan caller never gets a result; ports Go's
     * {@code TestPanicDoSharedByDoChan}.
     */
    @Test
    void underGoMainAPanickingDoCallSharedByDoChanCannotBeRecovered() throws Exception {
        for (int run = 0; run < CHILD_RUNS; run++) {
            var outcome = JavaProcess.run(PanicPrograms.DoCallSharedByDoChanPanics.class);
            assertThat(outcome.stdout()).as("run %d stdout", run).isEmpty();
            assertThat(outcome.exitStatus()).as("run %d exit status", run).isEqualTo(2);
            assertThat(outcome.stderr()).as("run %d stderr", run)
                    .startsWith("panic: Panicking in Do\n\ngoroutine ")
                    .doesNotContain("DoChan unexpectedly");
        }
    }

    /**
     * Under Go.main a panicking doCall that no doChan caller shares is thrown to its caller, who may recover
     * (Go's plain {@code panic(e)} when a call has no channels).
     */
    @Test
    void underGoMainAPanickingDoCallWithoutDoChanCallersCanBeRecovered() throws Exception {
        var outcome = JavaProcess.run(PanicPrograms.DoCallPanicIsRecoverable.class);
        assertThat(outcome.stdout()).isEqualTo("recovered: Panicking in Do\n");
        assertThat(outcome.stderr()).isEmpty();
        assertThat(outcome.exitStatus()).isZero();
    }

    /**
     * In library mode a panicking doChan call still delivers a Result carrying the panic, so the receiver does
     * not hang, and the panic reaches the uncaught-exception handler from the goroutine that ran the call.
     */
    @Test
    @ResourceLock("go4j.panicPolicy")
    void inLibraryModeAPanickingDoChanCallDeliversTheResultAndReportsThePanic() throws Exception {
        var saved = Thread.getDefaultUncaughtExceptionHandler();
        var reported = new CompletableFuture<Throwable>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> reported.complete(e));
        try {
            var panic = new Panic("Panicking in DoChan");
            var group = new Group<String, String>();
            Result<String> result = group.doChan("", () -> {
                throw panic;
            }).receive();
            assertThat(result).isEqualTo(new Result<>(null, panic, false));
            assertThat(await(reported)).isSameAs(panic);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(saved);
        }
    }

    /**
     * In library mode a panicking doCall shared by a doChan caller is thrown to the doCall caller (who may catch
     * it) and delivered to the doChan caller's channel.
     */
    @Test
    @ResourceLock("go4j.panicPolicy")
    void inLibraryModeAPanickingDoCallSharedByDoChanReachesBothCallers() throws Exception {
        var panic = new Panic("Panicking in Do");
        var group = new Group<String, String>();
        Chan<Empty> blocked = Chan.make();
        Chan<Empty> unblock = Chan.make();
        var thrown = new CompletableFuture<Throwable>();
        go(() -> {
            try {
                group.doCall("", () -> {
                    blocked.close();
                    unblock.receive();
                    throw panic;
                });
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        blocked.receive();
        var results = group.doChan("", () -> {
            throw new AssertionError("doChan executed its own callback");
        });
        unblock.close();
        assertThat(results.receive()).isEqualTo(new Result<>(null, panic, true));
        assertThat(await(thrown)).isSameAs(panic);
    }
}
