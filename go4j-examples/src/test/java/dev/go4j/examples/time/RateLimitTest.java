package dev.go4j.examples.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.ReceiveChan;
import dev.go4j.testing.Output;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    /**
     * The burst's tokens sit in the buffer before the refilling goroutine starts, so the first three requests always
     * take them; only lower bounds on the elapsed time are printed.
     */
    @Output("""
            steady: request 1
            steady: request 2
            steady: request 3
            steady: request 4
            steady: request 5
            steady: took at least 5 periods (100 ms): true
            bursty: request 1 (burst token)
            bursty: request 2 (burst token)
            bursty: request 3 (burst token)
            bursty: request 4 (tick token)
            bursty: request 5 (tick token)
            bursty: took at least 2 periods (40 ms): true
            """)
    void requestsAreHandledInOrderNoFasterThanTheLimit() {
        RateLimit.run();
    }

    @Test
    void requestsAreAClosedQueueOfIdsInOrder() {
        ReceiveChan<Integer> requests = RateLimit.requests(4);
        List<Integer> ids = new ArrayList<>();
        for (int id : requests) {
            ids.add(id);
        }
        assertThat(ids).containsExactly(1, 2, 3, 4);
    }
}
