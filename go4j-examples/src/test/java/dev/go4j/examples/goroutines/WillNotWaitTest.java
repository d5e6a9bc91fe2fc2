package dev.go4j.examples.goroutines;

import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.WaitReason;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Goroutines;
import dev.go4j.testing.Output;
import java.util.List;

class WillNotWaitTest {

    /**
     * Only main's line: the goroutine is blocked. The test then ends the goroutine by interrupting it, still inside
     * the example, so a print on that path would show up in the output and fail the example.
     */
    @Output("hello from main, not waiting")
    void mainDoesNotWaitForTheGoroutine() throws InterruptedException {
        var nobody = new WaitGroup();
        nobody.add(1);

        WillNotWait.run(nobody);

        Goroutines.awaitBlocked(nobody, WaitReason.SYNC_WAITGROUP_WAIT, 1, TIMEOUT);
        List<Thread> blocked = Goroutines.blockedOn(nobody, WaitReason.SYNC_WAITGROUP_WAIT);
        assertThat(blocked).hasSize(1);
        blocked.get(0).interrupt();
        join(blocked.get(0));
    }
}
