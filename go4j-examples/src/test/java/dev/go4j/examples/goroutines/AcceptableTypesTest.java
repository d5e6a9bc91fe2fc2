package dev.go4j.examples.goroutines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.testing.Output;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcceptableTypesTest {
    @Output("""
            named function: Integer 42
            named function: String "a string"
            instance method: Gopher named Gordon
            instance method: Boolean true
            anonymous function: Double 3.14
            anonymous function: null (Go's nil)
            closure: List of 2 [Go, Java]
            closure: Character 'g'
            """)
    void everyFormOfFunctionRunsAsAGoroutine() {
        AcceptableTypes.run();
    }

    @Test
    void theTypeSwitchFallsBackToDefault() {
        assertThat(AcceptableTypes.describe(Map.of())).startsWith("something else: ");
        assertThat(AcceptableTypes.describe(7L)).isEqualTo("something else: Long");
    }
}
