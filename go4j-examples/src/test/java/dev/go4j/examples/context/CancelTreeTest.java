package dev.go4j.examples.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.testing.Output;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelTreeTest {
    /** A child reports its parent's reason: the deadline in request 1, the handler's cancel in request 2. */
    @Output("""
            request 1, budget 50 ms:
              handler: context deadline exceeded
              mirror 1: context deadline exceeded
              mirror 2: context deadline exceeded
              mirror 3: context deadline exceeded
              request's own context: not cancelled
            request 2, budget 10000 ms:
              handler: first answer from mirror 2
              mirror 1: context canceled
              mirror 2: answered
              mirror 3: context canceled
              request's own context: not cancelled
            """)
    void theTimeoutOrTheHandlersCancelStopsEveryMirror() {
        CancelTree.run();
    }

    /** A request that is already cancelled reaches the mirrors as it is: they report its reason, not a deadline. */
    @Output("""
              handler: context canceled
              mirror 1: context canceled
              mirror 2: context canceled
            """)
    void aCancelledRequestCancelsTheWholeTree() {
        Chan<Empty> never = Chan.make();
        CancelContext request = Context.withCancel(Context.background());
        request.cancel();

        CancelTree.handle(request, Duration.ofSeconds(10), List.of(never, never));
    }

    /** A mirror's one-minute limit gives way to its parent's earlier deadline. */
    @Test
    void aChildsDeadlineNeverExceedsItsParents() {
        try (CancelContext handler = Context.withTimeout(Context.background(), Duration.ofSeconds(10));
                CancelContext attempt = Context.withTimeout(handler, CancelTree.ATTEMPT_LIMIT)) {
            assertThat(attempt.deadline()).isEqualTo(handler.deadline());
        }
    }

    @Test
    void aMirrorWhoseWorkIsDoneAnswers() {
        Chan<Empty> done = Chan.make();
        done.close();
        Chan<Integer> answers = Chan.make(1);

        assertThat(CancelTree.ask(Context.background(), 7, done, answers)).isEqualTo("answered");
        assertThat(answers.receive()).isEqualTo(7);
    }
}
