package dev.go4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.internal.chan.ChannelProbe;
import dev.go4j.sync.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A million goroutines blocked on one channel, all released by one close. Runs in a fork of its own with a 6 GiB
 * heap (the "scale" execution of go4j-core's build) and prints what one blocked goroutine costs. It takes about
 * 30 s on a 2-core machine, so it has its own timeout, ten times that, instead of the default 2 minutes.
 */
@Tag("scale")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ChanScaleTest {
    private static final int GOROUTINES = 1_000_000;

    @Test
    void oneMillionBlockedReceiversAllWakeOnClose() throws Exception {
        Chan<Integer> ch = Chan.make(0, -1);
        var closedSeen = new AtomicInteger();
        long heapBefore = usedHeapAfterGc();
        long start = System.nanoTime();
        var wg = new WaitGroup();
        for (int i = 0; i < GOROUTINES; i++) {
            wg.go(() -> {
                Received<Integer> r = ch.receiveOk();
                if (!r.ok() && r.value() == -1) {
                    closedSeen.incrementAndGet();
                }
            });
        }
        while (ChannelProbe.queuedWaiters(ch) < GOROUTINES) {
            Thread.sleep(10); // polling a counter: the goroutines' progress, not an ordering guess
        }
        long spawned = System.nanoTime();
        long heapBlocked = usedHeapAfterGc();
        ch.close();
        wg.await();
        long woke = System.nanoTime();
        System.out.printf("ChanScaleTest: %d goroutines blocked in receive in %.1f s, woken by close in %.1f s;"
                        + " %d bytes of heap per blocked goroutine%n", GOROUTINES, (spawned - start) / 1e9,
                (woke - spawned) / 1e9, (heapBlocked - heapBefore) / GOROUTINES);
        assertThat(closedSeen.get()).isEqualTo(GOROUTINES);
        assertThat(ChannelProbe.queuedWaiters(ch)).isZero();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
