package dev.go4j.internal.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WaitQueue} is an immutable FIFO with a front insertion: it agrees with a mutable deque under a random
 * sequence of operations, and no operation changes the queue it was called on.
 */
class WaitQueueTest {

    private static List<Waiter> contents(WaitQueue q) {
        List<Waiter> all = new ArrayList<>();
        q.forEach(all::add);
        return all;
    }

    @Test
    void fifoWithFrontInsertion() {
        Waiter a = new Waiter();
        Waiter b = new Waiter();
        Waiter c = new Waiter();
        WaitQueue q = WaitQueue.EMPTY.addLast(a).addLast(b).addFirst(c);
        assertThat(contents(q)).containsExactly(c, a, b);
        assertThat(q.first()).isSameAs(c);
        assertThat(contents(q.removeFirst())).containsExactly(a, b);
        assertThat(contents(q.remove(a))).containsExactly(c, b);
        assertThat(q.remove(new Waiter())).isSameAs(q);
        assertThat(contents(q)).as("unchanged").containsExactly(c, a, b);
        assertThat(q.size()).isEqualTo(3);
        assertThat(WaitQueue.EMPTY.addLast(a).removeFirst()).isSameAs(WaitQueue.EMPTY);
        assertThatThrownBy(WaitQueue.EMPTY::first).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(WaitQueue.EMPTY::removeFirst).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void agreesWithADequeUnderRandomOperationsAndNeverChangesAnOldVersion() {
        var random = new Random(20240607L);
        Waiter[] pool = new Waiter[16];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new Waiter();
        }
        WaitQueue q = WaitQueue.EMPTY;
        Deque<Waiter> model = new ArrayDeque<>();
        for (int step = 0; step < 20_000; step++) {
            WaitQueue before = q;
            List<Waiter> beforeContents = contents(q);
            Waiter w = pool[random.nextInt(pool.length)];
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    if (!model.contains(w)) {
                        q = q.addLast(w);
                        model.addLast(w);
                    }
                }
                case 2 -> {
                    if (!model.contains(w)) {
                        q = q.addFirst(w);
                        model.addFirst(w);
                    }
                }
                case 3 -> {
                    if (!model.isEmpty()) {
                        assertThat(q.first()).isSameAs(model.peekFirst());
                        q = q.removeFirst();
                        model.removeFirst();
                    }
                }
                default -> {
                    q = q.remove(w);
                    model.remove(w);
                }
            }
            assertThat(contents(q)).containsExactlyElementsOf(model);
            assertThat(q.size()).isEqualTo(model.size());
            assertThat(q.isEmpty()).isEqualTo(model.isEmpty());
            assertThat(contents(before)).isEqualTo(beforeContents);
            for (Waiter p : pool) {
                assertThat(q.contains(p)).isEqualTo(model.contains(p));
            }
        }
    }
}
