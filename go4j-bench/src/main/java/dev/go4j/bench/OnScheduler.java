package dev.go4j.bench;

import dev.go4j.Go;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The base of every benchmark class: its trial setup checks that goroutines run on the scheduler this JVM claims,
 * and fails the benchmark otherwise, so that a fork can never report one scheduler's numbers under the other's
 * name. A JVM claims the JDK's virtual-thread scheduler when it runs with {@code -Dgo4j.scheduler=jdk} (the
 * report's "go4j (JDK sched.)" column) and go4j's own scheduler otherwise, which it gets only with
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} ({@code report.Bench} gives every fork both the flag and,
 * for the second column, the property). The other systems' parties are plain virtual threads started from
 * JMH's platform thread ({@link Parties#virtualThreads}), which run on the JDK's scheduler in either JVM.
 */
@State(Scope.Benchmark)
public abstract class OnScheduler {
    /** Checks the scheduler once per trial; see the class comment. */
    @Setup(Level.Trial)
    public final void checkScheduler() {
        check();
    }

    /**
     * Checks once per trial that the diagnostics flags this JVM claims ({@code -Dgo4j.deadlock=off},
     * {@code -Dgo4j.debug.createdBy=true}) are in effect; see {@link Diagnostics}.
     */
    @Setup(Level.Trial)
    public final void checkDiagnostics() throws InterruptedException {
        Diagnostics.check();
    }

    /** The scheduler this JVM claims: {@code JDK} with {@code -Dgo4j.scheduler=jdk}, else {@code GO4J}. */
    static Go.Scheduler claimed() {
        String asked = System.getProperty("go4j.scheduler", "").trim().toLowerCase(Locale.ROOT);
        return asked.equals("jdk") ? Go.Scheduler.JDK : Go.Scheduler.GO4J;
    }

    /**
     * Returns the scheduler goroutines run on, after checking that it is the one {@linkplain #claimed() claimed}.
     *
     * @throws IllegalStateException if it is not
     */
    static Go.Scheduler check() {
        Go.Scheduler claimed = claimed();
        Go.Scheduler actual = Go.scheduler();
        if (actual != claimed) {
            throw new IllegalStateException("go4j-bench: this JVM should run goroutines on " + describe(claimed)
                    + " but they run on " + describe(actual) + "; go4j's needs the JVM option --add-opens"
                    + " java.base/java.lang=ALL-UNNAMED, the JDK's is asked for with -Dgo4j.scheduler=jdk");
        }
        return actual;
    }

    /** How the report names a system's numbers taken on {@code scheduler}: {@code go4j} or {@code go4j-jdk}. */
    static String system(Go.Scheduler scheduler) {
        return scheduler == Go.Scheduler.GO4J ? "go4j" : "go4j-jdk";
    }

    private static String describe(Go.Scheduler scheduler) {
        return scheduler == Go.Scheduler.GO4J ? "go4j's scheduler" : "the JDK's virtual-thread scheduler";
    }
}
