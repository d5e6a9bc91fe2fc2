package dev.go4j.testsupport;

import dev.go4j.Task;
import dev.go4j.WaitReason;
import java.util.concurrent.CompletableFuture;

/**
 * A task running as a goroutine, for a test that must see it block and then see how it ended.
 *
 * {@snippet :
 * Spawned s = Spawned.go(() -> select(onReceive(ch, got::set)));
 * s.awaitBlocked(WaitReason.SELECT);
 * ch.send("x");
 * assertThat(s.end()).isNull(); // returned normally
 * }
 */
public final class Spawned {
    /** What the task threw, or null; completed by the goroutine as its last action. */
    private final CompletableFuture<Throwable> end = new CompletableFuture<>();
    /** The interrupt status when the task ended; written by the goroutine before {@code end} completes. */
    private volatile boolean interruptedAtEnd;
    /** The goroutine's thread; written once by the thread that calls {@link #go}, before it returns. */
    private Thread thread;

    private Spawned() {
    }

    /** Starts {@code task} as a goroutine. */
    public static Spawned go(Task task) {
        var spawned = new Spawned();
        spawned.thread = GoTesting.start(() -> {
            Throwable failure = null;
            try {
                task.run();
            } catch (Throwable t) {
                failure = t;
            }
            spawned.interruptedAtEnd = Thread.currentThread().isInterrupted();
            spawned.end.complete(failure);
        });
        return spawned;
    }

    /** The goroutine's thread. */
    public Thread thread() {
        return thread;
    }

    /** Waits for the task to end; returns what it threw, or null if it returned normally. */
    public Throwable end() {
        return GoTesting.await(end);
    }

    /** Whether the interrupt status was set when the task ended; call after {@link #end()}. */
    public boolean interruptedAtEnd() {
        return interruptedAtEnd;
    }

    /** Waits until the goroutine is blocked with {@code reason}. */
    public void awaitBlocked(WaitReason reason) {
        GoTesting.awaitBlocked(thread, reason);
    }
}
