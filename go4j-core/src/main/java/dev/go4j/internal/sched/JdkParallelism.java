package dev.go4j.internal.sched;

import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;

/**
 * GOMAXPROCS when goroutines run on the JDK's virtual-thread scheduler: its parallelism, read from the system
 * property the JDK reads ({@code jdk.virtualThreadScheduler.parallelism}, else the number of processors), and
 * changed through {@code jdk.management.VirtualThreadSchedulerMXBean} where the JDK has it (24 and newer; looked
 * up by name, as go4j compiles for 21).
 */
final class JdkParallelism {
    private static final String BEAN = "jdk.management.VirtualThreadSchedulerMXBean";

    private JdkParallelism() {
    }

    static int get() {
        Object bean = bean();
        if (bean != null) {
            try {
                return (int) Class.forName(BEAN).getMethod("getParallelism").invoke(bean);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through to the configured value
            }
        }
        String configured = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        if (configured != null) {
            try {
                return Integer.parseInt(configured.trim());
            } catch (NumberFormatException e) {
                // The JDK rejects such a value at start-up; fall through to its default.
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Sets the parallelism if {@code n >= 1} and the JDK allows it; returns the previous value. */
    static int set(int n) {
        int previous = get();
        Object bean = bean();
        if (n >= 1 && bean != null) {
            try {
                Class.forName(BEAN).getMethod("setParallelism", int.class).invoke(bean, n);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // this JDK cannot change it: report only
            }
        }
        return previous;
    }

    @SuppressWarnings("unchecked")
    private static Object bean() {
        try {
            Class<? extends PlatformManagedObject> type =
                    (Class<? extends PlatformManagedObject>) Class.forName(BEAN);
            return ManagementFactory.getPlatformMXBean(type);
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
