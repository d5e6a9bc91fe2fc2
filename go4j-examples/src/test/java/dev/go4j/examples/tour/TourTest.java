package dev.go4j.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    private Optional<Path> sources = Optional.empty();

    @TempDir
    Path tmp;

    private int tour(Map<String, Integer> statuses, String... args) {
        return Tour.run(List.of(args), out, err, INDEX, lesson -> {
            ran.add(lesson.name());
            out.println("(output of " + lesson.name() + ")");
            return statuses.getOrDefault(lesson.name(), 0);
        }, sources);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void listPrintsNumbersNamesAndDescriptionsInOrder() {
        assertThat(tour(Map.of(), "--list")).isZero();

        assertThat(out()).isEqualTo("""
                1  alpha     The first lesson
                2  beta-two  The second lesson
                3  gamma     The third lesson
                """);
        assertThat(ran).isEmpty();
    }

    @Test
    void listAlignsNumbersOfTwoDigits() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            text.append("l").append(i).append(" x.L").append(i).append(" Lesson ").append(i).append('\n');
        }
        LessonIndex ten = LessonIndex.parse("ten", text.toString());

        assertThat(Tour.run(List.of("--list"), out, err, ten, lesson -> 0, sources)).isZero();

        assertThat(out().lines().toList()).startsWith(" 1  l1   Lesson 1").endsWith("10  l10  Lesson 10");
    }

    @Test
    void lessonsRunByNumberAsListNumbersThem() {
        assertThat(tour(Map.of(), "3", "1", "beta-two")).isZero();

        assertThat(ran).containsExactly("gamma", "alpha", "beta-two");
        assertThat(out()).startsWith("=== 3/3 gamma\n");
    }

    @Test
    void aNumberOutOfRangeExitsTwoAndRunsNothing() {
        for (String number : List.of("0", "4", "99999999999999999999")) {
            errBytes.reset();
            assertThat(tour(Map.of(), "1", number)).as(number).isEqualTo(2);
            assertThat(err()).isEqualTo("tour: no lesson number " + number
                    + "; the lessons are numbered 1 to 3 (go4j tour --list)\n");
        }
        assertThat(ran).isEmpty();
    }

    @Test
    void sourcePrintsTheLessonsFileAfterALineWithItsPath() throws IOException {
        Path file = Files.createDirectories(tmp.resolve("x")).resolve("BetaTwo.java");
        Files.writeString(file, "package x;\nclass BetaTwo {}\n");
        sources = Optional.of(tmp);

        assertThat(tour(Map.of(), "--source", "beta-two")).isZero();
        assertThat(out()).isEqualTo("// " + file + "\npackage x;\nclass BetaTwo {}\n");

        outBytes.reset();
        assertThat(tour(Map.of(), "--source", "2")).isZero();
        assertThat(out()).startsWith("// " + file + "\n");
        assertThat(ran).isEmpty();
        assertThat(err()).isEmpty();
    }

    @Test
    void sourceFailsClearlyWithoutTheSourcesOrTheFile() {
        assertThat(tour(Map.of(), "--source", "alpha")).isEqualTo(1);
        assertThat(err()).startsWith("tour: --source needs the lessons' sources");

        errBytes.reset();
        sources = Optional.of(tmp);
        assertThat(tour(Map.of(), "--source", "alpha")).isEqualTo(1);
        assertThat(err()).isEqualTo("tour: cannot read the source of lesson alpha: " + tmp.resolve("x/Alpha.java")
                + "\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void sourceTakesExactlyOneKnownLesson() {
        assertThat(tour(Map.of(), "--source")).isEqualTo(2);
        assertThat(err()).startsWith("tour: --source takes one lesson, by name or number\nusage: go4j tour");

        errBytes.reset();
        assertThat(tour(Map.of(), "--source", "alpha", "gamma")).isEqualTo(2);
        errBytes.reset();
        assertThat(tour(Map.of(), "--source", "delta")).isEqualTo(2);
        assertThat(err()).startsWith("tour: no lesson named \"delta\"");
        assertThat(out()).isEmpty();
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
        assertThat(err()).startsWith(
                "tour: unknown option --lsit\nusage: go4j tour [lesson... | --list | --source lesson]\n");
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
        }, sources);

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("""
                tour: cannot start lesson alpha: no such file
                tour: lesson alpha exited with status 1
                """);
    }
}
