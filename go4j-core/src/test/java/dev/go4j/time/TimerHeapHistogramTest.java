package dev.go4j.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.ReceiveChan;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * Go 1.23's timers, seen in a heap histogram of live objects: {@code Time.after} allocates no
 * {@link java.lang.ref.Reference} and registers nothing with a {@link java.lang.ref.Cleaner} (the timer lives in
 * its channel), and a timer channel that nothing references is plain garbage, timer and all.
 */
class TimerHeapHistogramTest {
    private static final int CALLS = 100_000;

    @Test
    void afterAllocatesNoReferenceAndNoCleanerRegistration() throws Exception {
        Predicate<String> referenceOrCleaner = name -> name.startsWith("java.lang.ref.")
                || name.contains("Cleaner") || name.contains("Cleanable");
        long before = liveInstances(referenceOrCleaner);
        List<ReceiveChan<Instant>> kept = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            kept.add(Time.after(Duration.ofHours(1)));
        }
        long after = liveInstances(referenceOrCleaner);
        assertThat(kept).hasSize(CALLS);
        assertThat(after - before).as("references and cleaner registrations made by %d after() calls", CALLS)
                .isLessThan(100);
    }

    @Test
    void anUnreferencedTimerIsGarbage() throws Exception {
        Predicate<String> timers = name -> name.equals("dev.go4j.internal.time.TimerCore");
        long before = liveInstances(timers);
        for (int i = 0; i < CALLS; i++) {
            Time.after(Duration.ofHours(1));
            Time.newTicker(Duration.ofHours(1)); // never stopped
        }
        assertThat(liveInstances(timers) - before).as("live timers after %d dropped ones", 2 * CALLS)
                .isLessThan(1_000);
    }

    /**
     * Live instances (after a full GC, which the histogram forces) of the classes whose names match, from the
     * JVM's class histogram.
     */
    private static long liveInstances(Predicate<String> className) throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        long instances = 0;
        for (String line : histogram.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            // "   1:      123456     7890123  java.lang.String (java.base@25)"
            if (fields.length >= 4 && fields[0].endsWith(":") && className.test(fields[3])) {
                instances += Long.parseLong(fields[1]);
            }
        }
        return instances;
    }
}
