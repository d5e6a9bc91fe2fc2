package dev.go4j.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tour's command line, run in-process against a fake runner that records which lessons it was asked to run. */
class TourTest {
    private static final LessonIndex INDEX = LessonIndex.parse("test", """
            alpha      x.Alpha      The first lesson
            beta-two   x.BetaTwo    The second lesson
            gamma      x.Gamma      The third lesson
            """);

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final List<String> ran = new ArrayList<>();

    private int tour(Map<String, Integer> statuses, String... args) {
        return Tour.run(List.of(args), out, err, INDEX, lesson -> {
            ran.add(lesson.name());
            out.println("(output of " + lesson.name() + ")");
            return statuses.getOrDefault(lesson.name(), 0);
        });
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void listPrintsNamesAndDescriptionsInOrder() {
        assertThat(tour(Map.of(), "--list")).isZero();

        assertThat(out()).isEqualTo("""
                alpha     The first lesson
                beta-two  The second lesson
                gamma     The third lesson
                """);
        assertThat(ran).isEmpty();
    }

    @Test
    void noArgumentsRunsEveryLessonInOrderUnderHeadings() {
        assertThat(tour(Map.of())).isZero();

        assertThat(ran).containsExactly("alpha", "beta-two", "gamma");
        assertThat(out()).isEqualTo("""
                === 1/3 alpha
                    The first lesson

                (output of alpha)

                === 2/3 beta-two
                    The second lesson

                (output of beta-two)

                === 3/3 gamma
                    The third lesson

                (output of gamma)
                """);
        assertThat(err()).isEmpty();
    }

    @Test
    void namedLessonsRunAloneKeepingTheirNumbers() {
        assertThat(tour(Map.of(), "gamma", "alpha")).isZero();

        assertThat(ran).containsExactly("gamma", "alpha");
        assertThat(out()).startsWith("=== 3/3 gamma\n    The third lesson\n\n(output of gamma)\n");
    }

    @Test
    void exitsWithTheFirstNonZeroStatusAfterRunningTheRest() {
        assertThat(tour(Map.of("beta-two", 2, "gamma", 3))).isEqualTo(2);

        assertThat(ran).containsExactly("alpha", "beta-two", "gamma");
        assertThat(err()).isEqualTo("""
                tour: lesson beta-two exited with status 2
                tour: lesson gamma exited with status 3
                """);
    }

    @Test
    void unknownLessonExitsTwoListingTheNamesAndRunsNothing() {
        assertThat(tour(Map.of(), "alpha", "delta")).isEqualTo(2);

        assertThat(ran).isEmpty();
        assertThat(err()).isEqualTo("tour: no lesson named \"delta\"; the lessons are: alpha, beta-two, gamma\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void unknownOptionExitsTwoWithUsage() {
        assertThat(tour(Map.of(), "--lsit")).isEqualTo(2);

        assertThat(ran).isEmpty();
        assertThat(err()).startsWith("tour: unknown option --lsit\nusage: go4j tour [lesson... | --list]\n");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(tour(Map.of(), "--help")).isZero();

        assertThat(out()).startsWith("usage: go4j tour");
        assertThat(ran).isEmpty();
    }

    @Test
    void aLessonThatCannotStartCountsAsFailed() {
        int status = Tour.run(List.of("alpha"), out, err, INDEX, lesson -> {
            throw new IOException("no such file");
        });

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("""
                tour: cannot start lesson alpha: no such file
                tour: lesson alpha exited with status 1
                """);
    }
}
