package dev.go4j.bench;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.GoroutineInfo;
import dev.go4j.internal.park.Quiescence;
import java.util.Locale;

/**
 * The diagnostics flags a JVM claims, and a check that go4j behaves accordingly, so that a fork can never report
 * one setting's numbers under the other's name ({@link OnScheduler} does the same for the scheduler):
 * <ul>
 *   <li>{@code -Dgo4j.deadlock=off} (the report's "diagnostics off" pass): no deadlock report and no wait
 *       counters on the park path. Checked by a park with a wait reason, which must move the deadlock detector's
 *       epoch ({@link Quiescence#epoch()}) exactly when the counters are on;
 *   <li>{@code -Dgo4j.debug.createdBy=true} (the created-by pass): every {@code go} captures the frame that called
 *       it, a stack walk. Checked on a goroutine started for the purpose, whose {@link GoroutineInfo#createdBy()}
 *       is recorded exactly when the flag is on.
 * </ul>
 * Each check costs a goroutine or two, once per trial.
 */
final class Diagnostics {
    /** The debug name of the channel the created-by probe blocks on, by which its record is found. */
    private static final String PROBE_CHANNEL = "go4j-bench created-by probe";

    private Diagnostics() {
    }

    /** Whether this JVM claims the park path's wait counters off: {@code -Dgo4j.deadlock=off}, as go4j reads it. */
    static boolean claimsCountersOff() {
        return System.getProperty("go4j.deadlock", "").trim().toLowerCase(Locale.ROOT).equals("off");
    }

    /** Whether this JVM claims created-by capture: {@code -Dgo4j.debug.createdBy=true}, as go4j reads it. */
    static boolean claimsCreatedBy() {
        return Boolean.getBoolean("go4j.debug.createdBy");
    }

    /**
     * Checks both flags against what go4j does.
     *
     * @throws IllegalStateException naming the flag if go4j does not do what the JVM claims
     */
    static void check() throws InterruptedException {
        boolean counting = parkIsCounted();
        if (counting == claimsCountersOff()) {
            throw new IllegalStateException("go4j-bench: this JVM claims the park path's wait counters "
                    + (counting ? "off (-Dgo4j.deadlock=off) but a park was counted"
                            : "on (no -Dgo4j.deadlock=off) but a park was not counted"));
        }
        boolean capturing = createdByIsCaptured();
        if (capturing != claimsCreatedBy()) {
            throw new IllegalStateException("go4j-bench: this JVM claims created-by capture "
                    + (capturing ? "off (no -Dgo4j.debug.createdBy=true) but a goroutine recorded its creator"
                            : "on (-Dgo4j.debug.createdBy=true) but a goroutine did not record its creator"));
        }
    }

    /**
     * Whether a wait with a reason moves the epoch: a goroutine that is parked in a channel receive (its thread is
     * seen waiting, so it has entered the park path) has begun a wait. (A send and a receive that meet need not
     * park at all: the first may be claimed before it parks.)
     */
    private static boolean parkIsCounted() throws InterruptedException {
        long before = Quiescence.epoch();
        try (var parked = BlockedGoroutines.start(1)) {
            return Quiescence.epoch() != before;
        }
    }

    /** Whether a goroutine started now records the frame that started it. */
    private static boolean createdByIsCaptured() throws InterruptedException {
        Chan<Object> ch = Chan.make().named(PROBE_CHANNEL);
        Go.go(ch::receive);
        try {
            while (true) {
                for (GoroutineInfo g : Go.goroutines()) {
                    if (g.waitingOn() != null && g.waitingOn().contains(PROBE_CHANNEL)) {
                        return g.createdBy() != null;
                    }
                }
                Thread.sleep(1);
            }
        } finally {
            ch.close();
        }
    }
}
