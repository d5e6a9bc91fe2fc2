package dev.go4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ResultTest {
    @Test
    void okCarriesItsValueIncludingNull() {
        assertThat(Result.ok("x").get()).isEqualTo("x");
        assertThat(Result.ok(null).get()).isNull();
        assertThat(Result.ok(1).isOk()).isTrue();
    }

    @Test
    void errRethrowsUncheckedAsIsAndWrapsChecked() {
        assertThatThrownBy(() -> Result.err(new IllegalStateException("x")).get())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Result.err(new IOException("io")).get())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> Result.err(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void ofCapturesValueOrException() {
        assertThat(Result.of(() -> 42)).isEqualTo(new Result.Ok<>(42));
        Result<Object> failed = Result.of(() -> {
            throw new IOException("nope");
        });
        assertThat(failed).isInstanceOf(Result.Err.class);
        assertThat(failed.isOk()).isFalse();
    }
}
