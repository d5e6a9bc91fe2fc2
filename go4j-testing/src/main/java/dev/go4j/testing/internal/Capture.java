package dev.go4j.testing.internal;

import dev.go4j.runtime.Inherited;
import java.io.ByteArrayOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The capture scope of one running example: the bytes that the example and its goroutines wrote to
 * {@code System.out}. Open while the example runs; once closed, further writes are counted and dropped.
 *
 * {@snippet :
 * var capture = new Capture();
 * capture.write(bytes, 0, bytes.length); // kept: the capture is open
 * byte[] got = capture.close();
 * capture.write(bytes, 0, bytes.length); // dropped: a goroutine that outlived its example
 * }
 *
 * <p>Thread-safe: goroutines of the example write concurrently; every method holds this object's monitor.
 */
public final class Capture {
    /** The capture each goroutine writes to: set by the example's thread, inherited by the goroutines it starts. */
    private static final Inherited<Capture> CURRENT = new Inherited<>();

    /** What was written while open. Guarded by this. */
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** True until close(). Written once (to false) by the example's thread; guarded by this. */
    private boolean open = true;
    /** Bytes written after close(), dropped. Written by late writers; guarded by this. */
    private long dropped;

    /** Creates an open capture. */
    public Capture() {
    }

    /**
     * Returns the capture the running goroutine writes to: the one it {@linkplain #setCurrent set}, or the one of
     * the goroutine that started it, transitively.
     *
     * @return the capture, or null if the running thread's output is not captured
     */
    public static @Nullable Capture current() {
        return CURRENT.get();
    }

    /**
     * Makes {@code capture} the running thread's capture, and that of the goroutines it starts from now on.
     *
     * @param capture the capture, or null to write to the real standard output again
     */
    public static void setCurrent(@Nullable Capture capture) {
        CURRENT.set(capture);
    }

    /**
     * Keeps one byte if open, else drops it.
     *
     * @param b the byte, in the low eight bits
     */
    public synchronized void write(int b) {
        if (open) {
            bytes.write(b);
        } else {
            dropped++;
        }
    }

    /**
     * Keeps {@code len} bytes of {@code b} from {@code off} if open, else drops them.
     *
     * @param b the bytes
     * @param off where in {@code b} they start
     * @param len how many
     */
    public synchronized void write(byte[] b, int off, int len) {
        if (open) {
            bytes.write(b, off, len);
        } else {
            dropped += len;
        }
    }

    /**
     * Closes the capture: from now on writes are dropped.
     *
     * @return everything written while it was open
     */
    public synchronized byte[] close() {
        open = false;
        return bytes.toByteArray();
    }

    /**
     * Returns how many bytes were written after {@link #close()}, and dropped.
     *
     * @return the number of dropped bytes
     */
    public synchronized long dropped() {
        return dropped;
    }
}
