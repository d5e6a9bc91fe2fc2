package com.example.consumer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.consumer.Greeter;
import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.WaitReason;
import dev.go4j.testing.Goroutines;
import dev.go4j.testing.Output;
import dev.go4j.testing.VerifyNoLeaks;
import dev.go4j.testing.synctest.Synctest;
import dev.go4j.time.Time;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** go4j-testing as a user's test uses it: examples, awaitBlocked, the leak check, a synctest bubble, Go.run. */
class GreeterTest {
    @Output("hello, gopher")
    void greets() {
        System.out.println(Greeter.greet("gopher"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann", "bob"})
    @Output("hello, {0}")
    void greetsEveryone(String name) {
        System.out.println(Greeter.greet(name));
    }

    @Test
    void awaitBlockedSeesAReceiverWaiting() throws InterruptedException {
        Chan<String> names = Chan.make();
        Thread receiver = Thread.ofVirtual().start(() -> System.out.println(Greeter.greet(names.receive())));
        Goroutines.awaitBlocked(receiver, WaitReason.CHAN_RECEIVE, Duration.ofSeconds(30));
        assertEquals(1, Goroutines.countBlocked(names, WaitReason.CHAN_RECEIVE));
        names.send("carol");
        receiver.join();
    }

    @Test
    @VerifyNoLeaks
    void greetingLeavesNoGoroutineBehind() {
        assertTrue(Greeter.greet("dave").endsWith("dave"));
    }

    @Test
    void anHourPassesInABubbleAtOnce() {
        Synctest.test(() -> {
            Time.sleep(Duration.ofHours(1));
            assertEquals(Instant.parse("2000-01-01T01:00:00Z"), Time.now());
            assertEquals("hello, erin", Greeter.greet("erin"));
        });
    }

    @Test
    void goRunReturnsTheProgramsExitStatus() {
        assertEquals(0, Go.run(new String[0], () -> System.out.println(Greeter.greet("frank"))));
        assertEquals(3, Go.run(new String[0], () -> Go.exit(3)));
    }
}
