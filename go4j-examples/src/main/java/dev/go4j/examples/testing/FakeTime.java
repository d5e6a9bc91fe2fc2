package dev.go4j.examples.testing;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.testing.synctest.Synctest;
import dev.go4j.time.Time;
import java.time.Duration;
import java.time.Instant;

/**
 * Lesson: test a timeout without waiting for it. {@link #awaitReply} waits up to an hour for a reply; a test that
 * really waited would take an hour, and one that shortened the timeout would test something else. In a synctest
 * bubble ({@link Synctest#test}) time is fake: it starts at 2000-01-01T00:00:00Z and moves only when every
 * goroutine of the bubble is blocked, straight to the next timer. So the hour passes at once, always the same way.
 *
 * <p>The lesson runs two cases: a server that replies after 59 minutes (the reply wins) and one that never does
 * (the timeout wins after exactly one hour of bubble time). {@link Time#now()} reads the bubble's clock, which is
 * how the lesson prints when each case ended; {@link Synctest#sleep} moves a test forward by an amount of bubble
 * time and waits until everything else is blocked again. The whole lesson takes milliseconds of real time.
 *
 * {@snippet :
 * Synctest.test(() -> {
 *     Chan<String> replies = Chan.make();
 *     System.out.println(FakeTime.awaitReply(replies, Duration.ofHours(1))); // timed out after PT1H
 *     System.out.println(Time.now());                                        // 2000-01-01T01:00:00Z
 * });
 * }
 *
 * <p>In a JUnit test, {@code @Synctest} on the test method does what {@code Synctest.test} does here.
 */
public final class FakeTime {
    /** How long {@link #awaitReply} waits in the lesson. */
    static final Duration TIMEOUT = Duration.ofHours(1);

    private FakeTime() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, FakeTime::run);
    }

    /** The code under test: the first reply, or a timeout message if none comes within {@code timeout}. */
    static String awaitReply(ReceiveChan<String> replies, Duration timeout) {
        String[] outcome = {null};
        select(onReceive(replies, reply -> outcome[0] = "reply: " + reply),
                onReceive(Time.after(timeout), at -> outcome[0] = "timed out after " + timeout));
        return outcome[0];
    }

    /** Both cases, each in a bubble of its own. */
    static void run() {
        Synctest.test(() -> {
            Chan<String> replies = Chan.make();
            Go.go(() -> {
                Time.sleep(Duration.ofMinutes(59));
                replies.send("pong");
            });
            System.out.println("slow server: " + awaitReply(replies, TIMEOUT) + " at " + Time.now());
        });
        Synctest.test(() -> {
            Chan<String> replies = Chan.make();
            Instant start = Time.now();
            System.out.println("no server:   " + awaitReply(replies, TIMEOUT) + " at " + Time.now());
            System.out.println("bubble time passed: " + Duration.between(start, Time.now()));
        });
        Synctest.test(() -> {
            var done = Chan.<String>make(1);
            Go.go(() -> done.send(awaitReply(Chan.make(), TIMEOUT)));
            Synctest.sleep(TIMEOUT.minusSeconds(1));
            System.out.println("a second before the deadline, done holds " + done.len() + " values");
            Synctest.sleep(Duration.ofSeconds(1));
            System.out.println("at the deadline: " + done.receive());
        });
    }
}
