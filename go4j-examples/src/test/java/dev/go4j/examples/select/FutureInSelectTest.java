package dev.go4j.examples.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Result;
import dev.go4j.testing.Output;
import org.junit.jupiter.api.Test;

class FutureInSelectTest {
    @Output("""
            GO4J: Ok(42)
            NOPE: Err(IllegalArgumentException: no quote for NOPE)
            SLOW: quit first; cancelled the future
            SLOW: then its channel delivered Err(CancellationException)
            """)
    void aValueAFailureAndAQuit() {
        FutureInSelect.run();
    }

    @Test
    void theQuoteService() {
        assertThat(FutureInSelect.quote("SLOW")).isEqualTo(7);
        assertThatThrownBy(() -> FutureInSelect.quote("XYZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no quote for XYZ");
        assertThat(FutureInSelect.describe(Result.err(new IllegalStateException()))).isEqualTo(
                "Err(IllegalStateException)");
    }
}
