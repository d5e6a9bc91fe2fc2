package dev.go4j.snippets;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.os.signal.Signal;
import dev.go4j.testing.Output;
import dev.go4j.time.Time;
import java.time.Duration;

/** The examples of package {@code dev.go4j.os.signal}. */
class SignalSnippets {
    @Output("working")
    void notifyOnInterrupt() {
        // @start region="notify"
        Chan<String> interrupted = Chan.make(1);
        Signal.notify(interrupted, "INT", "TERM"); // Ctrl-C no longer ends the JVM: it sends "INT"
        try {
            select(
                onReceive(interrupted, sig -> System.out.println("stopping on " + sig)),
                onReceive(Time.after(Duration.ofMillis(10)), t -> System.out.println("working")));
        } finally {
            Signal.stop(interrupted); // Ctrl-C ends the JVM again
        }
        // @end
    }
}
