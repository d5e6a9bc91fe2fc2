package dev.go4j.internal.park;

/**
 * How many goroutines can run in parallel (Go's {@code GOMAXPROCS}), for the runtime's own decisions (whether
 * spinning can pay) and for {@code Go.gomaxprocs()}.
 */
public final class Processors {
    private Processors() {
    }

    /**
     * The parallelism of the scheduler that runs goroutines: the JDK's virtual-thread scheduler's (its system
     * property {@code jdk.virtualThreadScheduler.parallelism}, else the number of available processors).
     */
    public static int gomaxprocs() {
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
}
