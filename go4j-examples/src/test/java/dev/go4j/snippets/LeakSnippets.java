package dev.go4j.snippets;

import static dev.go4j.Go.go;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.GoroutineInfo;
import dev.go4j.WaitReason;
import dev.go4j.testing.Output;
import dev.go4j.testsupport.GoTesting;
import org.junit.jupiter.api.Tag;

/**
 * The example of the leak report, {@code Go.leakedGoroutines()}. Tagged "leaks": go4j-examples runs it in a JVM of
 * its own, with -Djdk.trackAllThreads=false.
 */
@Tag("leaks")
class LeakSnippets {
    @Output("""
            chan send on chan "answers"
            chan send on chan "answers"
            """)
    void leaked() {
        fastest("mirror-1", "mirror-2", "mirror-3");
        // The two losers are blocked once two goroutines wait to send on "answers" (records hold no references).
        GoTesting.awaitCondition("two senders blocked on \"answers\"", () -> Go.goroutines().stream()
                .filter(g -> g.waitReason() == WaitReason.CHAN_SEND && g.waitingOn().startsWith("chan \"answers\""))
                .count() == 2);
        printLeaks();
    }

    // @start region="leaked"
    /** Asks every mirror and returns the first answer: the others' senders wait forever, nobody receives. */
    static String fastest(String... mirrors) {
        Chan<String> answers = Chan.<String>make().named("answers");
        for (String mirror : mirrors) {
            go(() -> answers.send(mirror));
        }
        return answers.receive();
    }

    /** Run with -Djdk.trackAllThreads=false. */
    static void printLeaks() {
        for (GoroutineInfo g : Go.leakedGoroutines()) {
            System.out.println(g.state() + " on " + g.waitingOn()); // chan send on chan "answers"
        }
    }
    // @end
}
