package dev.go4j.bench;

/**
 * How much work one benchmark invocation does. The benchmarks declare {@link #OPS} to JMH through
 * {@code @OperationsPerInvocation}, so that every score is per element moved; the loops use the {@code *_RUN}
 * sizes, which equal the published ones except in the smoke test (system property {@code go4j.bench.smoke=true},
 * set by go4j-bench's Surefire configuration), where each invocation does only a few operations so that the whole
 * suite runs once in seconds. The smoke test's scores are meaningless and never reported.
 */
public final class Sizes {
    /** Elements moved (or locks taken) per invocation, as declared to JMH. Divisible by 2 and 4. */
    public static final int OPS = 10_000;
    /** Goroutines spawned per operation of {@link Spawn}, Go's 100 000. */
    public static final int GOROUTINES = 100_000;
    /** Primes found per operation of {@link Sieve}. */
    public static final int PRIMES = 1_000;
    /** Blocked goroutines that one operation of {@link GoDump} (and each dump of {@link DumpPause}) writes. */
    public static final int DUMP_GOROUTINES = 1_000_000;
    /** Schedules per {@link ExploreSchedules} operation, the testing-kit issue's budget. */
    public static final int SCHEDULES = 1_000;

    /** True in the smoke test. */
    public static final boolean SMOKE = Boolean.getBoolean("go4j.bench.smoke");

    /** Elements per invocation actually moved: {@link #OPS}, or 64 in the smoke test. */
    public static final int OPS_RUN = SMOKE ? 64 : OPS;
    /** Goroutines per spawn actually started. */
    public static final int GOROUTINES_RUN = SMOKE ? 100 : GOROUTINES;
    /** Primes per sieve actually found. */
    public static final int PRIMES_RUN = SMOKE ? 10 : PRIMES;
    /** Blocked goroutines per dump actually started. */
    public static final int DUMP_GOROUTINES_RUN = SMOKE ? 1_000 : DUMP_GOROUTINES;
    /** {@link #SCHEDULES} as run: 10 in the smoke test. */
    public static final int SCHEDULES_RUN = SMOKE ? 10 : SCHEDULES;

    private Sizes() {
    }
}
