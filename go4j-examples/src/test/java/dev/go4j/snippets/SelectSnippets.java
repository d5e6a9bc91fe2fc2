package dev.go4j.snippets;

import static dev.go4j.Select.afterClause;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.onReceiveOk;
import static dev.go4j.Select.onSend;
import static dev.go4j.Select.orElse;
import static dev.go4j.Select.receiveClause;
import static dev.go4j.Select.receiveOkClause;
import static dev.go4j.Select.select;
import static dev.go4j.Select.selectValue;
import static dev.go4j.snippets.Job.run;

import dev.go4j.Chan;
import dev.go4j.ReceiveChan;
import dev.go4j.SendChan;
import dev.go4j.testing.Output;
import java.time.Duration;

/**
 * The examples of {@code Select}: one select, run four times with a different case ready each time; and one
 * value-returning select, run three times.
 */
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

    @Output("""
            job 7
            results closed
            timed out
            """)
    void oneValuePerSelect() {
        Chan<Job> noJobs = Chan.make();
        Chan<String> noResults = Chan.make();

        Chan<Job> oneJob = Chan.make(1);
        oneJob.send(new Job(7));
        System.out.println(next(oneJob, noResults));

        Chan<String> closedResults = Chan.make();
        closedResults.close();
        System.out.println(next(noJobs, closedResults));

        System.out.println(next(noJobs, noResults)); // nothing ever ready: the after clause gives the result
    }

    static String next(ReceiveChan<Job> jobs, ReceiveChan<String> results) {
        // @start region="selectValue"
        String next = selectValue(
            receiveClause(jobs, job -> "job " + job.id()),
            receiveOkClause(results, r -> r.ok() ? r.value() : "results closed"),
            afterClause(Duration.ofMillis(10), () -> "timed out"));
        // @end
        return next;
    }
}
