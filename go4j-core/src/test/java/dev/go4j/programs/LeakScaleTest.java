package dev.go4j.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The leak report with a million goroutines, in a child JVM with -Djdk.trackAllThreads=false and a 4 GiB heap: none
 * is reported while a live reference holds their channel, every one once it is dropped, and they all still count
 * as goroutines. Prints how long each report took (two full collections each). Tag "scale": runs in the scale fork.
 */
@Tag("scale")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LeakScaleTest {
    private static final int GOROUTINES = 1_000_000;

    @Test
    void aMillionLeakedGoroutinesAreReportedOnlyOnceNothingHoldsThem() throws Exception {
        var outcome = JavaProcess.run(List.of("-Xmx4g", JavaProcess.SCHEDULER_ACCESS, "-Djdk.trackAllThreads=false"),
                LeakPrograms.ManyLeaked.class, Duration.ofMinutes(9), Integer.toString(GOROUTINES));
        System.out.print(outcome.stderr());
        assertThat(outcome.stdout()).isEqualTo("reported while held: 0\nreported once dropped: " + GOROUTINES
                + "\nnumGoroutine: " + (GOROUTINES + 1) + "\n");
    }
}
