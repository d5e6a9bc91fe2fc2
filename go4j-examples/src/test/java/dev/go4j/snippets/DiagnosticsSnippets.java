package dev.go4j.snippets;

import static dev.go4j.Go.go;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.GoroutineInfo;
import dev.go4j.WaitReason;
import dev.go4j.testing.Goroutines;
import dev.go4j.testing.Output;
import dev.go4j.testsupport.GoTesting;

/** The examples of go4j's diagnostics: goroutine dumps, their records and channel names. */
class DiagnosticsSnippets {
    @Output("goroutine N [chan receive, on \"jobs\"]:")
    void named() {
        // @start region="named"
        Chan<String> jobs = Chan.<String>make(16).named("jobs");
        go(() -> jobs.receive()); // a dump shows: goroutine 7 [chan receive, on "jobs"]:
        // @end
        Goroutines.awaitBlocked(jobs, WaitReason.CHAN_RECEIVE, 1, GoTesting.TIMEOUT);
        Go.stack(true).lines()
                .filter(line -> line.contains("\"jobs\""))
                .forEach(line -> System.out.println(withoutId(line)));
        jobs.send("done");
    }

    @Output("goroutine N [running]:")
    void stack() {
        Chan<String> first = Chan.make();
        go(() -> {
            // @start region="stack"
            String trace = Go.stack(false); // this goroutine only, as Go's runtime.Stack(buf, false)
            first.send(trace.lines().findFirst().orElseThrow()); // "goroutine 7 [running]:"
            // @end
        });
        System.out.println(withoutId(first.receive()));
    }

    /** A dump's header line with the goroutine's id (which depends on the tests run before) replaced by N. */
    private static String withoutId(String header) {
        return header.replaceFirst("^goroutine \\d+ ", "goroutine N ");
    }

    @Output("""
            goroutine waits on chan "results"[len=0, cap=0]
            """)
    void goroutines() {
        Chan<Integer> results = Chan.<Integer>make().named("results");
        go(() -> results.send(42));
        Goroutines.awaitBlocked(results, WaitReason.CHAN_SEND, 1, GoTesting.TIMEOUT);
        // @start region="goroutines"
        for (GoroutineInfo g : Go.goroutines()) {
            if (g.waitReason() == WaitReason.CHAN_SEND) {
                System.out.println("goroutine waits on " + g.waitingOn());
            }
        }
        // @end
        results.receive();
    }
}
