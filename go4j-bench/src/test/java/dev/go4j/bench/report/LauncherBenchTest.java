package dev.go4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ./go4j bench} rejects bad arguments before it builds or runs anything. */
class LauncherBenchTest {
    private static final Path LAUNCHER = Path.of("..", "go4j").toAbsolutePath().normalize();

    @ParameterizedTest
    @CsvSource({
        "bogus, 'bench: unknown mode \"bogus\" (quick or full)'",
        "quick full, 'bench: too many arguments'"})
    void badArgumentsAreUsageErrors(String args, String message) throws Exception {
        var command = new java.util.ArrayList<>(java.util.List.of("bash", LAUNCHER.toString(), "bench"));
        command.addAll(java.util.List.of(args.split(" ")));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(stderr).contains("go4j: " + message).contains("usage: go4j");
    }

    @Test
    void helpListsBench() throws IOException, InterruptedException {
        assertThat(Files.isRegularFile(LAUNCHER)).isTrue();
        Process p = new ProcessBuilder("bash", LAUNCHER.toString(), "help").start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(stdout).contains("bench [quick | full]").contains("bench/report.md");
    }
}
