package dev.go4j.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header of a dump entry: Go's minutes rule and go4j's channel names. */
class TracebackTest {
    private static String header(String state, Duration waiting, List<String> names) throws IOException {
        StringBuilder out = new StringBuilder();
        Traceback.appendHeader(out, "goroutine 7", state, waiting, names, 0);
        return out.toString();
    }

    @Test
    void minutesAppearFromOneMinuteOnAsWholeMinutesAlwaysPlural() throws IOException {
        assertThat(header("chan receive", Duration.ofSeconds(59), List.of()))
                .isEqualTo("goroutine 7 [chan receive]:\n");
        assertThat(header("chan receive", Duration.ofSeconds(60), List.of()))
                .isEqualTo("goroutine 7 [chan receive, 1 minutes]:\n");
        assertThat(header("select", Duration.ofSeconds(179), List.of()))
                .isEqualTo("goroutine 7 [select, 2 minutes]:\n");
    }

    @Test
    void channelNamesFollowTheMinutes() throws IOException {
        assertThat(header("select", Duration.ofMinutes(3), List.of("jobs", "quit")))
                .isEqualTo("goroutine 7 [select, 3 minutes, on \"jobs\" \"quit\"]:\n");
        assertThat(header("chan send", Duration.ZERO, List.of("out")))
                .isEqualTo("goroutine 7 [chan send, on \"out\"]:\n");
    }
}
