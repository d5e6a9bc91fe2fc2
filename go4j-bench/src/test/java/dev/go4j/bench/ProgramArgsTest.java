package dev.go4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The programs' {@code -name N} options: given ones override the plan's defaults, anything else is refused. */
class ProgramArgsTest {
    @Test
    void givenOptionsOverrideTheDefaults() {
        ProgramArgs a = ProgramArgs.parse(new String[] {"-dumps", "5"}, "usage", "-goroutines", "-dumps");
        assertThat(a.get("-dumps", 3)).isEqualTo(5);
        assertThat(a.get("-goroutines", 1_000_000)).isEqualTo(1_000_000);
    }

    @Test
    void aMissingValueOrAnUnknownNameIsAUsageError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProgramArgs.parse(new String[] {"-dumps"}, "usage: X [-dumps K]", "-dumps"))
                .withMessage("usage: X [-dumps K]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProgramArgs.parse(new String[] {"-n", "1"}, "usage: X [-dumps K]", "-dumps"))
                .withMessage("unknown argument: -n; usage: X [-dumps K]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProgramArgs.parse(new String[] {"-dumps", "x"}, "usage", "-dumps"));
    }
}
