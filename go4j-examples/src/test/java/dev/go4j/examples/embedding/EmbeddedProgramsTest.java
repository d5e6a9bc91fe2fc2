package dev.go4j.examples.embedding;

import dev.go4j.testing.Output;

class EmbeddedProgramsTest {
    /** Each program starts from goroutine 1 and returns its status; the test JVM lives on. */
    @Output("""
            main is goroutine 1, its worker was 2, 1 goroutine alive
            program 1 exited with status 0
            main is goroutine 1, its worker was 2, 1 goroutine alive
            program 2 exited with status 0
            Go.exit(3) gives status 3
            a panic gives status 2
            """)
    void programsRunOneAfterAnother() {
        EmbeddedPrograms.run(new String[0]);
    }
}
