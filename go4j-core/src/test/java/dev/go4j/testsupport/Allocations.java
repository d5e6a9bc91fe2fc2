package dev.go4j.testsupport;

import java.lang.reflect.Method;

/**
 * HotSpot's per-thread allocation counter, for the cheap allocation checks of go4j's tests (JMH's
 * {@code gc.alloc.rate.norm} is the measurement; these only catch an extra object per operation).
 *
 * {@snippet :
 * long before = Allocations.currentThreadBytes();
 * operation();
 * long allocated = Allocations.currentThreadBytes() - before;
 * }
 */
public final class Allocations {
    private Allocations() {
    }

    /**
     * The bytes the current thread has allocated so far. Reflective because the tests are compiled into the
     * dev.go4j module, which does not read java.management; they run on the class path, where it is visible.
     */
    public static long currentThreadBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Method allocated = Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getCurrentThreadAllocatedBytes");
            return (long) allocated.invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("HotSpot's ThreadMXBean is not available", e);
        }
    }
}
