package dev.go4j.examples.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.testing.Output;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class InterruptOnDoneTest {
    @Output("""
            a job waiting: job 1
            empty queue, 50 ms timeout: context deadline exceeded
            empty queue, cancelled: context canceled
            interrupt status afterwards: false
            """)
    void aContextEndsATakeFromAnEmptyQueue() throws Exception {
        InterruptOnDone.run();
    }

    /** Cancelled before the call: the queue is not touched, so the job stays in it. */
    @Test
    void aContextThatIsAlreadyDoneSkipsTheCall() throws Exception {
        var jobs = new LinkedBlockingQueue<String>();
        jobs.add("job 1");
        CancelContext ctx = Context.withCancel(Context.background());
        ctx.cancel();

        assertThat(InterruptOnDone.take(ctx, jobs)).isEqualTo("context canceled");
        assertThat(jobs).containsExactly("job 1");
    }
}
