package dev.go4j.singleflight;

import static dev.go4j.Go.go;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Select;
import dev.go4j.sync.WaitGroup;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** singleflight: one execution per key in flight, shared by every caller; errors reach all; forget. */
class GroupTest {

    private static void awaitCallers(Group<String, ?> group, String key, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (group.callers(key) < n) {
            assertThat(System.nanoTime() - deadline).as("callers joined").isNegative();
            Thread.sleep(1); // polling the in-flight counter, not guessing an order
        }
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
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(new Shared<>(1, false));
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
        assertThat(Select.select(Duration.ofSeconds(30), Select.onReceive(a, r -> got[0] = r))).isTrue();
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
}
