package dev.go4j.testsupport;

import dev.go4j.Go;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.G;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The goroutine dump of a failure message, in the spirit of the one a Go test binary prints when its
 * {@code -timeout} fires: every live goroutine (and every thread parked in go4j) with its wait reason, what it
 * waits on and its thread's stack.
 *
 * <pre>
 * goroutines: 1 live (Go.numGoroutine); wait reasons, other threads included: chan receive 1, sync.WaitGroup.Wait 1
 * thread main [sync.WaitGroup.Wait] on WaitGroup[counter=1], thread state WAITING
 *     at java.base/jdk.internal.misc.Unsafe.park(Native Method)
 *     ...
 *     at dev.go4j.sync.WaitGroup.await(WaitGroup.java:127)
 *     at dev.go4j.SomeTest.theTest(SomeTest.java:42)
 *     ... JUnit
 * goroutine 2 [chan receive] on chan@672bffad[len=0, cap=0], thread state WAITING
 *     at java.base/java.lang.VirtualThread.park(VirtualThread.java:742)
 *     ...
 * </pre>
 *
 * <p>A dump of a million goroutines would drown the report, so after {@link #LISTED} goroutines only the counts
 * by wait reason in the first line speak for the rest.
 */
final class GoroutineDump {
    /** How many goroutines are listed one by one, lowest ids first. */
    static final int LISTED = 100;
    /** How many frames of each stack are shown. */
    private static final int FRAMES = 40;

    private GoroutineDump() {
    }

    /**
     * Dumps the goroutines now.
     *
     * @param testThread a thread to show too if go4j does not know it (the test's own thread, say, stuck in a
     *     JDK call), or null
     */
    static String of(Thread testThread) {
        List<G> gs = new ArrayList<>(G.all());
        gs.sort(Comparator.comparingLong(G::id));
        Map<String, Integer> byReason = new TreeMap<>();
        boolean testThreadListed = testThread == null;
        for (G g : gs) {
            WaitReason reason = g.waitReason();
            if (reason != null) {
                byReason.merge(reason.toString(), 1, Integer::sum);
            }
            testThreadListed |= g.thread() == testThread;
        }
        var out = new StringBuilder("goroutines: ").append(Go.numGoroutine())
                .append(" live (Go.numGoroutine); wait reasons, other threads included:");
        String separator = " ";
        for (Map.Entry<String, Integer> entry : byReason.entrySet()) {
            out.append(separator).append(entry.getKey()).append(' ').append(entry.getValue());
            separator = ", ";
        }
        out.append(byReason.isEmpty() ? " none\n" : "\n");
        for (G g : gs.subList(0, Math.min(LISTED, gs.size()))) {
            Thread thread = g.thread();
            if (thread != null) { // null: collected while blocked, a leak
                appendThread(out, g.waitReason() == null ? g.toString() : g + " on " + g.waitingOn(), thread);
            }
        }
        if (gs.size() > LISTED) {
            out.append("... and ").append(gs.size() - LISTED).append(" more\n");
        }
        if (!testThreadListed) {
            appendThread(out, "test thread " + testThread.getName() + ", no go4j wait", testThread);
        }
        return out.toString();
    }

    /** One line for {@code thread}, then its stack down to the test method (JUnit's frames are left out). */
    private static void appendThread(StringBuilder out, String what, Thread thread) {
        out.append(what).append(", thread state ").append(thread.getState()).append('\n');
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            String className = stack[i].getClassName();
            if (className.startsWith("jdk.internal.reflect.") || className.startsWith("org.junit.")) {
                out.append("    ... JUnit\n");
                return;
            }
            if (i == FRAMES) {
                out.append("    ... ").append(stack.length - FRAMES).append(" more\n");
                return;
            }
            out.append("    at ").append(stack[i]).append('\n');
        }
    }
}
