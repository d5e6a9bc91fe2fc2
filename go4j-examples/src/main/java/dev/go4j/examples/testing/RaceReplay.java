package dev.go4j.examples.testing;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.sync.Mutex;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.explore.Explore;
import dev.go4j.testing.explore.ExploreResult;

/**
 * Lesson: find an ordering bug by trying many schedules, then replay it from its seed. Two goroutines withdraw 80
 * from an account holding 100. {@link Account#withdraw} checks the balance, records the withdrawal on an audit
 * channel, then takes the money: check, then act, with a go4j operation in between. If the other goroutine runs
 * in that gap, both checks pass and the balance ends at -60. Run plainly, the first goroutine almost always runs
 * through its whole withdrawal before the second starts, so the test passes, run after run.
 *
 * <p>{@link Explore#run} runs the body in a synctest bubble under many schedules: every go4j operation (a
 * goroutine start, a channel send, a lock) is a point where the bubble picks which goroutine goes next, by a
 * strategy drawn from the schedule's seed. It stops at the first failure and reports the seed that produced it;
 * {@link Explore#replay} runs that schedule again and fails the same way, every time, which is what a debugger
 * session needs. The fix holds a {@link Mutex} from the check to the act, and passes every schedule.
 *
 * {@snippet :
 * ExploreResult result = Explore.run(1000, 1, RaceReplay::withdrawTwice);
 * long seed = result.failingSeed().orElseThrow(); // the schedule that drove the balance below zero
 * Explore.replay(seed, RaceReplay::withdrawTwice); // throws the same IllegalStateException again
 * }
 *
 * <p>In a JUnit test, {@code @Explore(schedules = 1000)} on the test method runs it under that many schedules and
 * fails with the seed; {@code @Explore(seed = ...)} replays one. Exploration finds ordering bugs between go4j
 * operations; code between two of them runs without interruption, so it does not find data races on plain fields.
 */
public final class RaceReplay {
    /** How many schedules the lesson tries. */
    static final int SCHEDULES = 1000;
    /** The seed the schedules come from. */
    static final long SEED = 1;

    private RaceReplay() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, RaceReplay::run);
    }

    /** An account whose withdrawals are audited; {@code guard} null means unguarded (the bug). */
    static final class Account {
        private final Chan<String> audit = Chan.make(10);
        private final Mutex guard;
        private int balance = 100;

        Account(boolean guarded) {
            this.guard = guarded ? new Mutex() : null;
        }

        void withdraw(int amount) {
            if (guard != null) {
                guard.lock();
            }
            try {
                if (balance >= amount) {
                    audit.send("withdraw " + amount); // a go4j operation between the check and the act
                    balance -= amount;
                }
            } finally {
                if (guard != null) {
                    guard.unlock();
                }
            }
        }
    }

    /** The test body: two concurrent withdrawals of 80 from 100 must never make the balance negative. */
    static void withdrawTwice(boolean guarded) {
        var account = new Account(guarded);
        var wg = new WaitGroup();
        wg.go(() -> account.withdraw(80));
        wg.go(() -> account.withdraw(80));
        wg.await();
        if (account.balance < 0) {
            throw new IllegalStateException("balance went negative: " + account.balance);
        }
    }

    /** Explores the racy version, replays its failure, then explores the fix. */
    static void run() {
        ExploreResult racy = Explore.run(SCHEDULES, SEED, () -> withdrawTwice(false));
        System.out.println("unguarded: found a failing schedule: " + racy.failingSeed().isPresent());
        System.out.println("  failure: " + racy.failure().map(Throwable::getMessage).orElse("none"));
        long seed = racy.failingSeed().orElseThrow();
        for (int run = 1; run <= 2; run++) {
            try {
                Explore.replay(seed, () -> withdrawTwice(false));
                System.out.println("  replay " + run + ": passed");
            } catch (IllegalStateException again) {
                System.out.println("  replay " + run + " of its seed: " + again.getMessage());
            }
        }
        ExploreResult fixed = Explore.run(SCHEDULES, SEED, () -> withdrawTwice(true));
        System.out.println("guarded by a Mutex: " + fixed.schedules() + " schedules, failure: "
                + fixed.failure().map(Throwable::getMessage).orElse("none"));
    }
}
