package dev.go4j.examples.testing;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.testing.Leaks;
import java.time.Duration;
import java.util.List;

/**
 * Lesson: catch the goroutines a function leaves behind. {@link #firstAnswer} asks several mirrors at once and
 * returns the first answer, the Go blog's "first response wins" pattern. With an unbuffered channel the losers can
 * never deliver their answers: nobody receives any more, so they stay blocked in {@code chan send} for the rest of
 * the program. Nothing fails, nothing is printed; the program just holds more goroutines (and their stacks) with
 * every call.
 *
 * <p>{@link Leaks#verifyNone} (uber's {@code goleak.VerifyNone}) fails when goroutines other than the caller are
 * still alive after a grace period, and lists them as a goroutine dump does. The fix gives the channel room for
 * every answer, so each mirror's send completes and its goroutine ends whether anyone reads the answer or not.
 *
 * {@snippet :
 * firstAnswer(Chan.make(), List.of("a", "b", "c")); // an answer; two goroutines stay blocked in chan send
 * Leaks.verifyNone(); // AssertionError listing them, as a goroutine dump does
 * }
 *
 * <p>In a JUnit test, {@code @VerifyNoLeaks} on the test or its class runs the check after each test.
 */
public final class LeakCheck {
    /** How long the lesson's leak checks wait for goroutines to end (the default is one second). */
    static final Duration GRACE = Duration.ofMillis(200);

    private LeakCheck() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, LeakCheck::run);
    }

    /**
     * The code under test: asks every mirror at once and returns the first answer that arrives on {@code answers}.
     * An unbuffered channel leaks the losers; one with room for every answer does not.
     */
    static String firstAnswer(Chan<String> answers, List<String> mirrors) {
        for (String mirror : mirrors) {
            Go.go(() -> answers.send("answer from " + mirror));
        }
        return answers.receive();
    }

    /** The leaky version caught, then the fix passing. */
    static void run() {
        List<String> mirrors = List.of("mirror-1", "mirror-2", "mirror-3");
        Chan<String> unbuffered = Chan.make();
        System.out.println("unbuffered: an answer came: " + firstAnswer(unbuffered, mirrors).startsWith("answer from "));
        try {
            Leaks.verifyNone(Leaks.grace(GRACE));
            System.out.println("unbuffered: no leak found");
        } catch (AssertionError leak) {
            List<String> headers = leak.getMessage().lines().filter(line -> line.startsWith("goroutine ")).toList();
            System.out.println("unbuffered: the leak check failed, " + headers.size() + " goroutines left:");
            headers.forEach(header -> System.out.println("  " + header.replaceFirst("^goroutine \\d+ ", "goroutine ")));
        }
        for (int i = 1; i < mirrors.size(); i++) {
            unbuffered.receive(); // clean up, as a test must: take the answers, so that the two goroutines end
        }
        Leaks.verifyNone(Leaks.grace(GRACE));

        Chan<String> buffered = Chan.make(mirrors.size());
        System.out.println("buffered:   an answer came: " + firstAnswer(buffered, mirrors).startsWith("answer from "));
        Leaks.verifyNone(Leaks.grace(GRACE)); // throws if the fix leaked; it does not
        System.out.println("buffered:   no goroutine left behind");
    }
}
