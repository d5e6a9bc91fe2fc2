package dev.go4j;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.internal.runtime.Program;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Library mode: outside Go.main, failures go to the uncaught-exception handler and the JVM lives on. */
@ResourceLock("go4j.panicPolicy")
class PanicPolicyTest {
    private final Thread.UncaughtExceptionHandler saved = Thread.getDefaultUncaughtExceptionHandler();

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(saved);
        Go.setPanicPolicy(null);
    }

    @Test
    void outsideGoMainTheDefaultIsTheUncaughtExceptionHandler() {
        assertThat(Go.panicPolicy()).isEqualTo(PanicPolicy.UNCAUGHT_EXCEPTION_HANDLER);
    }

    @Test
    void anExceptionEscapingAGoroutineReachesTheHandler() throws Exception {
        var caught = new CompletableFuture<Throwable>();
        var thread = new CompletableFuture<Thread>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            thread.complete(t);
            caught.complete(e);
        });
        go(() -> {
            throw new java.io.IOException("disk on fire");
        });
        assertThat(await(caught)).isInstanceOf(java.io.IOException.class)
                .hasMessage("disk on fire");
        assertThat(thread.get().getName()).startsWith("goroutine ");
    }

    @Test
    void fatalErrorsAreThrownOutsideGoMain() {
        assertThat(Program.fatal("sync: unlock of unlocked mutex"))
                .isInstanceOf(FatalError.class)
                .hasMessage("sync: unlock of unlocked mutex");
    }

    @Test
    void thePolicyCanBeChosenAndReset() {
        Go.setPanicPolicy(PanicPolicy.EXIT);
        assertThat(Go.panicPolicy()).isEqualTo(PanicPolicy.EXIT);
        Go.setPanicPolicy(null);
        assertThat(Go.panicPolicy()).isEqualTo(PanicPolicy.UNCAUGHT_EXCEPTION_HANDLER);
    }
}
