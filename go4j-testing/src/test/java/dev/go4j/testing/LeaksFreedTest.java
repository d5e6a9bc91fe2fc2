package dev.go4j.testing;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.GoroutineInfo;
import dev.go4j.WaitReason;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Leaks.verifyNone with the leak report on ({@code -Djdk.trackAllThreads=false}, tag "leaks", a JVM of its own): a
 * goroutine that the collector has proven blocked forever, and that the JVM has freed, still fails the check, since
 * Go.goroutines() lists it, as Go.numGoroutine() counts it.
 */
@Tag("leaks")
class LeaksFreedTest {
    @Test
    void aLeakTheCollectorFreedStillFailsTheCheck() {
        Leaks.Option afterThis = Leaks.ignoreCurrent();
        long id = abandonASender();
        assertThat(Go.leakedGoroutines()).extracting(GoroutineInfo::id).as("proven and freed").contains(id);
        assertThatThrownBy(() -> Leaks.verifyNone(afterThis, Leaks.grace(Duration.ofMillis(1))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("found unexpected goroutines (1)")
                .hasMessageContaining("goroutine " + id + " [chan send (leaked), on \"late\"]:");
    }

    /** A goroutine blocked sending on a channel that nobody else can reach once this returns; returns its id. */
    private static long abandonASender() {
        Chan<String> late = Chan.<String>make().named("late");
        var id = new CompletableFuture<Long>();
        go(() -> {
            id.complete(Long.parseLong(Go.stack(false).split(" ", 3)[1])); // "goroutine 7 [running]:"
            late.send("nobody reads this");
        });
        long goroutine = await(id);
        awaitCondition("the sender to block", () -> Go.goroutines().stream()
                .anyMatch(g -> g.id() == goroutine && g.waitReason() == WaitReason.CHAN_SEND));
        return goroutine;
    }
}
