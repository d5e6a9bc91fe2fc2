package dev.go4j.internal.park;

import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.WaitReason;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * {@link Sema}: a release before the acquire is kept as a permit; waiters are handed permits in FIFO order, a
 * LIFO acquire goes ahead of the queue; acquire ignores interrupts and keeps the status set.
 */
class SemaTest {
    private static final Object PRIMITIVE = new Object();

    @Test
    void aReleaseBeforeTheAcquireIsKept() {
        var sema = new Sema();
        sema.release();
        sema.release();
        sema.acquire(false, WaitReason.SEMACQUIRE, PRIMITIVE);
        sema.acquire(true, WaitReason.SEMACQUIRE, PRIMITIVE);
        assertThat(sema.toString()).isEqualTo("Sema[permits=0, waiting=0]");
    }

    @Test
    void permitsAreHandedToWaitersInFifoOrderWithLifoAcquiresFirst() throws Exception {
        var sema = new Sema();
        var order = new ConcurrentLinkedQueue<String>();
        Thread a = acquirer(sema, false, "a", order);
        Thread b = acquirer(sema, false, "b", order);
        Thread c = acquirer(sema, true, "c", order); // re-queued waiter: goes to the front
        assertThat(sema.waiting()).isEqualTo(3);
        for (Thread t : List.of(c, a, b)) {
            sema.release();
            join(t);
        }
        assertThat(order).containsExactly("c", "a", "b");
        assertThat(sema.toString()).isEqualTo("Sema[permits=0, waiting=0]");
    }

    @Test
    void acquireIgnoresInterruptsAndKeepsTheStatus() throws Exception {
        var sema = new Sema();
        var status = new ConcurrentLinkedQueue<Boolean>();
        Thread t = Thread.ofVirtual().start(() -> {
            sema.acquire(false, WaitReason.SEMACQUIRE, PRIMITIVE);
            status.add(Thread.currentThread().isInterrupted());
        });
        awaitBlocked(t, WaitReason.SEMACQUIRE);
        t.interrupt();
        awaitBlocked(t, WaitReason.SEMACQUIRE);
        sema.release();
        join(t);
        assertThat(status).containsExactly(true);
    }

    private static Thread acquirer(Sema sema, boolean lifo, String name, ConcurrentLinkedQueue<String> order) {
        Thread t = Thread.ofVirtual().start(() -> {
            sema.acquire(lifo, WaitReason.SEMACQUIRE, PRIMITIVE);
            order.add(name);
        });
        awaitBlocked(t, WaitReason.SEMACQUIRE);
        return t;
    }
}
