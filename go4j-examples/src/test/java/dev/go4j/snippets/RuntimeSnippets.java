package dev.go4j.snippets;

import dev.go4j.Chan;
import dev.go4j.WaitReason;
import dev.go4j.runtime.Inherited;
import dev.go4j.runtime.Waits;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Output;
import java.time.Duration;

/** The examples of package {@code dev.go4j.runtime}: runtime facts for tools. */
class RuntimeSnippets {
    @Output("""
            blocked receivers: 1
            got job 1
            """)
    void waits() {
        // @start region="waits"
        Chan<String> jobs = Chan.make();
        var wg = new WaitGroup();
        wg.go(() -> System.out.println("got " + jobs.receive()));
        if (Waits.awaitBlocked(jobs, WaitReason.CHAN_RECEIVE, 1, Duration.ofSeconds(10))) {
            System.out.println("blocked receivers: " + Waits.countBlocked(jobs, WaitReason.CHAN_RECEIVE));
        }
        jobs.send("job 1"); // the receiver was certainly waiting
        wg.await();
        // @end
    }

    @Output("""
            worker serves request 42
            main goroutine still serves request 42
            """)
    void inherited() {
        // @start region="inherited"
        var request = new Inherited<String>();
        request.set("request 42");
        var wg = new WaitGroup();
        wg.go(() -> {
            System.out.println("worker serves " + request.get()); // handed down by go
            request.set("something else");                         // this goroutine's own from now on
        });
        wg.await();
        System.out.println("main goroutine still serves " + request.get());
        // @end
    }
}
