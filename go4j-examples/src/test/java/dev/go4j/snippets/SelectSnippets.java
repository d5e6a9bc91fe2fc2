package dev.go4j.snippets;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.onReceiveOk;
import static dev.go4j.Select.onSend;
import static dev.go4j.Select.orElse;
import static dev.go4j.Select.select;
import static dev.go4j.snippets.Job.run;

import dev.go4j.Chan;
import dev.go4j.ReceiveChan;
import dev.go4j.SendChan;
import dev.go4j.testing.Output;

/** The example of {@code Select}: one select, run four times with a different case ready each time. */
class SelectSnippets {
    @Output("""
            nothing ready
            results closed
            logged
            running job 7
            """)
    void oneCaseReadyAtATime() {
        Chan<Job> noJobs = Chan.make(1);
        Chan<String> noResults = Chan.make();
        Chan<String> noLogger = Chan.make();

        step(noJobs, noResults, noLogger);

        Chan<String> closedResults = Chan.make();
        closedResults.close();
        step(noJobs, closedResults, noLogger);

        Chan<String> logBuffer = Chan.make(1);
        step(noJobs, noResults, logBuffer);

        Chan<Job> oneJob = Chan.make(1);
        oneJob.send(new Job(7));
        step(oneJob, noResults, noLogger);
    }

    static void step(ReceiveChan<Job> jobs, ReceiveChan<String> results, SendChan<String> log) {
        // @start region="select"
        select(
            onReceive(jobs, job -> run(job)),
            onReceiveOk(results, r -> { if (!r.ok()) System.out.println("results closed"); }),
            onSend(log, "idle", () -> System.out.println("logged")),
            orElse(() -> System.out.println("nothing ready"))); // Go's default: never blocks
        // @end
    }
}
