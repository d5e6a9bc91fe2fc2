package dev.go4j.runtime;

import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.join;
import static dev.go4j.testsupport.GoTesting.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.sync.WaitGroup;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inherited values: handed from a goroutine to those it starts, each goroutine's own after that. */
class InheritedTest {
    private final Inherited<String> name = new Inherited<>();
    private final Inherited<Integer> depth = new Inherited<>();

    @AfterEach
    void clear() {
        name.set(null);
        depth.set(null);
    }

    @Test
    void nothingIsSetAtFirst() {
        var seen = new CompletableFuture<String>();
        Go.go(() -> seen.complete(name.get()));

        assertThat(name.get()).isNull();
        assertThat(await(seen)).isNull();
    }

    @Test
    void goroutinesInheritTheValueTheirParentHadWhenItStartedThemTransitively() {
        name.set("root");
        var seen = new CompletableFuture<String>();
        var wg = new WaitGroup();
        wg.go(() -> {
            var inner = new WaitGroup();
            inner.go(() -> seen.complete(name.get()));
            inner.await();
        });
        wg.await();

        assertThat(await(seen)).isEqualTo("root");
        var fromExecutor = new CompletableFuture<String>();
        Go.executor().execute(() -> fromExecutor.complete(name.get()));
        assertThat(await(fromExecutor)).isEqualTo("root");
    }

    @Test
    void aChildsChangeStaysItsOwnAndALaterChangeOfTheParentDoesNotReachEarlierChildren() {
        name.set("parent");
        Chan<String> proceed = Chan.make();
        Chan<String> report = Chan.make();
        Thread child = start(() -> {
            proceed.receive();
            report.send("child sees " + name.get());
            name.set("child's own");
            report.send("child now " + name.get());
        });
        name.set("parent, later");
        proceed.send("go");

        assertThat(report.receive()).isEqualTo("child sees parent");
        assertThat(report.receive()).isEqualTo("child now child's own");
        join(child);
        assertThat(name.get()).isEqualTo("parent, later");
    }

    @Test
    void valuesOfDifferentInstancesAreIndependent() {
        name.set("a");
        depth.set(1);
        depth.set(2);
        name.set(null);
        var seen = new CompletableFuture<String>();
        join(start(() -> seen.complete(name.get() + " " + depth.get())));

        assertThat(await(seen)).isEqualTo("null 2");
        depth.set(null);
        assertThat(depth.get()).isNull();
        assertThat(new Inherited<String>().get()).isNull();
    }

    @Test
    void threadsGo4jDidNotStartHaveTheirOwnValueAndHandItToTheirGoroutines() throws InterruptedException {
        name.set("junit thread");
        var seen = new CompletableFuture<String>();
        Thread platform = Thread.ofPlatform().start(() -> {
            String before = String.valueOf(name.get());
            name.set("platform");
            Go.go(() -> seen.complete(before + ", then " + name.get()));
        });
        platform.join();

        assertThat(await(seen)).isEqualTo("null, then platform");
        assertThat(name.get()).isEqualTo("junit thread");
    }
}
