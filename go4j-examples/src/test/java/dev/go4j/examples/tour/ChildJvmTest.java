package dev.go4j.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Go;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The tour end to end: real lessons in real child JVMs, their output redirected to files. */
@Timeout(120)
class ChildJvmTest {
    @TempDir
    Path tmp;

    @Test
    void theTourRunsARealLessonInAChildJvm() throws Exception {
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        var runner = new ChildJvm(pb -> pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()));
        var headings = new ByteArrayOutputStream();

        int status = Tour.run(List.of("fork-join"), new PrintStream(headings, true, StandardCharsets.UTF_8),
                System.err, LessonIndex.load(), runner, Optional.empty());

        assertThat(status).as(Files.readString(stderr)).isZero();
        assertThat(headings.toString(StandardCharsets.UTF_8)).contains(" fork-join").contains("join");
        assertThat(Files.readString(stdout)).isEqualTo("""
                worker 0: 31250125000
                worker 1: 93750125000
                worker 2: 156250125000
                worker 3: 218750125000
                total: 500000500000, and n(n+1)/2 = 500000500000
                """.replace("\n", System.lineSeparator()));
        assertThat(Files.readString(stderr)).isEmpty();
    }

    @Test
    void aLessonThatPanicsEndsWithGoStatusTwo() throws Exception {
        Path stderr = tmp.resolve("stderr.txt");
        var runner = new ChildJvm(pb -> pb.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()));

        int status = runner.run(new Lesson("panics", Panics.class.getName(), "a lesson that panics"));

        assertThat(status).isEqualTo(2);
        assertThat(Files.readString(stderr)).startsWith("panic: the lesson went wrong");
    }

    @Test
    void theChildUsesThisJvmsJavaAndClassPathOnGo4jsScheduler() {
        List<String> command = ChildJvm.command(new Lesson("x", "a.B", "d"));

        assertThat(command).containsExactly(ChildJvm.javaBinary(), ChildJvm.SCHEDULER_ACCESS, "-cp",
                System.getProperty("java.class.path"), "a.B");
        assertThat(Path.of(ChildJvm.javaBinary())).isExecutable();
    }

    /** A lesson-shaped program that panics. */
    static final class Panics {
        public static void main(String[] args) {
            Go.main(args, () -> {
                throw new dev.go4j.Panic("the lesson went wrong");
            });
        }
    }
}
