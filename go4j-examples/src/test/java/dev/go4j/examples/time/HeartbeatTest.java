package dev.go4j.examples.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Output;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
    /** Beats are numbered by the heartbeat; only the ones main takes count as delivered. */
    @Output("""
            main: beat 1
            main: beat 2
            main: beat 3
            heartbeat: ticker stopped after 3 beats delivered
            main: heartbeat joined
            """)
    void mainTakesThreeBeatsThenStopsTheHeartbeat() {
        Heartbeat.run();
    }

    /** With done already closed, the heartbeat delivers nothing and returns, without waiting for a tick. */
    @Test
    void aClosedDoneStopsTheHeartbeatBeforeItsFirstBeat() {
        Chan<Empty> done = Chan.make();
        done.close();
        Chan<Integer> beats = Chan.make();
        var delivered = new AtomicInteger(-1);
        var wg = new WaitGroup();

        wg.go(() -> delivered.set(Heartbeat.heartbeat(done, beats, Duration.ofDays(1))));
        wg.await();

        assertThat(delivered).hasValue(0);
    }
}
