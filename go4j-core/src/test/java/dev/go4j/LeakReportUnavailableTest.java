package dev.go4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.internal.park.LeakProbe;
import org.junit.jupiter.api.Test;

/**
 * Without {@code -Djdk.trackAllThreads=false} (go4j's default test JVM), the JDK keeps every virtual thread
 * reachable: the park path unroots nothing, and {@link Go#leakedGoroutines()} throws, naming the flag.
 */
class LeakReportUnavailableTest {
    @Test
    void theReportThrowsNamingTheJdkFlag() {
        assertThat(LeakProbe.enabled()).isFalse();
        assertThatThrownBy(Go::leakedGoroutines)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Djdk.trackAllThreads=false");
    }
}
