package dev.go4j.examples.channels;

import dev.go4j.testing.Output;

class BufferedSemaphoreTest {
    @Output("""
            permits in use: 3 of 3; the other 7 workers must wait for one
            10 workers done, sum of squares 285
            most workers inside at once: 3 (limit 3)
            """)
    void atMostThreeOfTenWorkAtOnce() {
        BufferedSemaphore.run(BufferedSemaphore.WORKERS, BufferedSemaphore.LIMIT);
    }

    /** A channel of capacity one is a mutex: one worker at a time. */
    @Output("""
            permits in use: 1 of 1; the other 4 workers must wait for one
            5 workers done, sum of squares 30
            most workers inside at once: 1 (limit 1)
            """)
    void oneOfFiveAtATime() {
        BufferedSemaphore.run(5, 1);
    }

    /** More permits than workers: nobody waits, and the limit is never reached. */
    @Output("""
            permits in use: 2 of 4; the other 0 workers must wait for one
            2 workers done, sum of squares 1
            most workers inside at once: 2 (limit 4)
            """)
    void morePermitsThanWorkers() {
        BufferedSemaphore.run(2, 4);
    }
}
