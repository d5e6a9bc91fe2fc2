package dev.go4j.testing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import org.jspecify.annotations.Nullable;

/*
 * Implementation notes.
 *
 * Key idea: route by the writing thread, not by time. A print goes to the capture of the example that the writer
 * belongs to; "belongs" is carried by a go4j Inherited value (Capture.current()), which `go` copies from parent to
 * child when the child is created. The example's own thread has it set to the example's Capture for the duration
 * of the example (ExampleExtension), so the example and all its goroutines, transitively, write into it, and a
 * goroutine that outlives its example keeps pointing at the old, closed Capture, which drops its writes. Threads
 * with no Capture (go4j never saw them, or they are not part of an example) write to the stream that was
 * System.out before the routing stream was installed.
 *
 * Why routing at the byte level works: PrintStream encodes text on the calling thread and hands the bytes to its
 * underlying OutputStream before the print call returns (print and println flush the internal character buffers
 * every time), so Router.write runs on the thread that printed, and Capture.current() names the right Capture.
 * PrintStream's own lock serialises whole print calls, so lines of concurrent writers do not interleave inside a
 * call; the Capture's monitor is always taken inside it, never the other way round.
 *
 * Installed once per JVM through System.setOut, and never removed: writes of threads outside examples pass straight
 * through, so leaving it in place costs one ThreadLocal read per write (Inherited.get). If someone replaces
 * System.out later, install() wraps the new stream at the next example.
 *
 * Not captured: code that saved a reference to the earlier System.out before the routing stream was installed
 * writes past it, and System.err is left alone (Go's examples compare standard output only).
 */

/**
 * The {@code System.out} that examples install: sends each write to the capture of the example that the writing
 * goroutine belongs to, and everything else to the standard output it replaced.
 *
 * {@snippet :
 * PrintStream out = RoutingPrintStream.install();      // System.out is now the routing stream
 * Capture.setCurrent(capture);                         // this thread and goroutines it starts now write to capture
 * }
 */
public final class RoutingPrintStream extends PrintStream {
    private RoutingPrintStream(PrintStream elsewhere) {
        super(new Router(elsewhere), true, elsewhere.charset());
    }

    /**
     * Makes {@code System.out} a routing stream, unless it is one already, and returns it.
     *
     * @return the routing stream that is now {@code System.out}
     */
    public static synchronized RoutingPrintStream install() {
        if (System.out instanceof RoutingPrintStream installed) {
            return installed;
        }
        RoutingPrintStream routing = new RoutingPrintStream(System.out);
        System.setOut(routing);
        return routing;
    }

    /**
     * Returns the routing target of a new stream over {@code elsewhere} without installing anything, for tests of
     * the routing itself.
     */
    static OutputStream routerTo(OutputStream elsewhere) {
        return new Router(elsewhere);
    }

    /** The capture the running thread writes to, or null if its output goes to the real standard output. */
    static @Nullable Capture currentCapture() {
        return Capture.current();
    }

    /** Routes bytes by the writing thread's capture scope. Stateless apart from its final target. */
    private static final class Router extends OutputStream {
        /** Where writes outside examples go: the System.out that was replaced. Final. */
        private final OutputStream elsewhere;

        Router(OutputStream elsewhere) {
            this.elsewhere = elsewhere;
        }

        @Override
        public void write(int b) throws IOException {
            Capture capture = currentCapture();
            if (capture != null) {
                capture.write(b);
            } else {
                elsewhere.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Capture capture = currentCapture();
            if (capture != null) {
                capture.write(b, off, len);
            } else {
                elsewhere.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            elsewhere.flush();
        }

        @Override
        public void close() throws IOException {
            elsewhere.close();
        }
    }
}
