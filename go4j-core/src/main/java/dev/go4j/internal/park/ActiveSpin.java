package dev.go4j.internal.park;

import dev.go4j.internal.sched.Scheduler;

/**
 * Go's active spinning (the runtime's {@code procyield}, with {@code active_spin} rounds of
 * {@code active_spin_cnt} pauses), the one spin budget of go4j's locks: {@code MutexCore} spins this way before it
 * queues, {@link RuntimeLock} before it sleeps. A round is about 0.75 µs on the benchmark machine (a pause is about
 * 25 ns there).
 */
public final class ActiveSpin {
    /** Go's active_spin: rounds before giving up. */
    private static final int ACTIVE_SPIN = 4;
    /** Go's active_spin_cnt: pause instructions per round. */
    private static final int PAUSES_PER_ROUND = 30;

    private ActiveSpin() {
    }

    /**
     * How many rounds a contender may spin now: Go's 4, or 0 while GOMAXPROCS is 1 (the holder cannot run
     * meanwhile).
     */
    public static int rounds() {
        return Scheduler.gomaxprocs() > 1 ? ACTIVE_SPIN : 0;
    }

    /** Spins one round. */
    public static void round() {
        for (int i = 0; i < PAUSES_PER_ROUND; i++) {
            Thread.onSpinWait();
        }
    }
}
