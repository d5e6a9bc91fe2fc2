package dev.go4j.testing.internal;

import static dev.go4j.Go.go;
import static dev.go4j.testsupport.GoTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.runtime.Inherited;
import dev.go4j.sync.WaitGroup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Routing by capture scope: who writes where, tested on a router that is not installed as System.out. */
class RoutingPrintStreamTest {
    private final ByteArrayOutputStream elsewhere = new ByteArrayOutputStream();
    private final PrintStream out =
            new PrintStream(RoutingPrintStream.routerTo(elsewhere), true, StandardCharsets.UTF_8);
    private Capture savedScope;

    @BeforeEach
    void saveScope() {
        savedScope = Capture.current();
    }

    @AfterEach
    void restoreScope() {
        Capture.setCurrent(savedScope);
    }

    @Test
    void writesOutsideAnyCaptureGoElsewhere() {
        Capture.setCurrent(null);

        out.println("plain");

        assertThat(elsewhere.toString(StandardCharsets.UTF_8)).isEqualTo("plain" + System.lineSeparator());
    }

    @Test
    void theScopeOwnerAndItsGoroutinesWriteToTheCapture() {
        var capture = new Capture();
        Capture.setCurrent(capture);

        out.print("owner;");
        var wg = new WaitGroup();
        wg.go(() -> {
            out.print("child;");
            var inner = new WaitGroup();
            inner.go(() -> out.print("grandchild;"));
            inner.await();
        });
        wg.await();

        assertThat(new String(capture.close(), StandardCharsets.UTF_8)).isEqualTo("owner;child;grandchild;");
        assertThat(elsewhere.size()).isZero();
    }

    @Test
    void writesAfterCloseAreDroppedNotSentElsewhere() throws InterruptedException {
        var capture = new Capture();
        Capture.setCurrent(capture);
        var gate = new CountDownLatch(1);
        var printed = new CountDownLatch(1);
        go(() -> {
            gate.await();
            out.print("late");
            printed.countDown();
        });
        Capture.setCurrent(null);

        assertThat(capture.close()).isEmpty();
        gate.countDown();
        await(printed);

        assertThat(capture.dropped()).isEqualTo(4);
        assertThat(elsewhere.size()).isZero();
    }

    @Test
    void threadsGoDidNotStartWriteElsewhereEvenFromInsideAScope() throws InterruptedException {
        var capture = new Capture();
        Capture.setCurrent(capture);

        Thread foreign = Thread.ofPlatform().start(() -> out.print("foreign"));
        foreign.join();

        assertThat(capture.close()).isEmpty();
        assertThat(elsewhere.toString(StandardCharsets.UTF_8)).isEqualTo("foreign");
    }

    /** Other tools' inherited values share go4j's one slot with the capture and leave it alone. */
    @Test
    void anotherInheritedValueDoesNotDisturbTheCapture() {
        var other = new Inherited<String>();
        other.set("some other tool's value");
        try {
            out.print("x");
            var capture = new Capture();
            Capture.setCurrent(capture);
            other.set("changed");
            var wg = new WaitGroup();
            wg.go(() -> out.print(other.get() + ";"));
            wg.await();

            assertThat(new String(capture.close(), StandardCharsets.UTF_8)).isEqualTo("changed;");
            assertThat(elsewhere.toString(StandardCharsets.UTF_8)).isEqualTo("x");
        } finally {
            other.set(null);
        }
    }

    @Test
    @ResourceLock(Resources.SYSTEM_OUT)
    void installIsIdempotent() {
        RoutingPrintStream first = RoutingPrintStream.install();

        assertThat(System.out).isSameAs(first);
        assertThat(RoutingPrintStream.install()).isSameAs(first);
    }
}
