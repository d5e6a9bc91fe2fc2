package dev.go4j.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.snippets.Hello;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code Go} class's example, {@link Hello}, run as the tour runs a lesson: in a child JVM, because
 * {@code Go.main} ends its process.
 */
class HelloSnippetTest {
    @Test
    void helloPrintsFromThreeGoroutinesAndExitsWithZero(@TempDir Path tmp) throws Exception {
        Path stdout = tmp.resolve("stdout.txt");
        var runner = new ChildJvm(pb -> pb.redirectOutput(stdout.toFile()).redirectErrorStream(true));

        int status = runner.run(new Lesson("hello", Hello.class.getName(), "the Go class's example"));

        assertThat(status).as(Files.readString(stdout)).isZero();
        assertThat(Files.readAllLines(stdout)).containsExactlyInAnyOrder(
                "hello from goroutine 0", "hello from goroutine 1", "hello from goroutine 2");
    }
}
