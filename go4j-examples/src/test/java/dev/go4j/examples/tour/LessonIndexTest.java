package dev.go4j.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.testing.Output;
import dev.go4j.testing.UnorderedOutput;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LessonIndexTest {
    @Test
    void theTourIndexListsTheGoroutineLessonsInOrder() {
        LessonIndex index = LessonIndex.load();

        assertThat(index.names()).startsWith("will-not-wait", "switch-to-other", "acceptable-types", "no-order",
                "fork-join", "parallelism");
        assertThat(index.lessons()).allSatisfy(lesson -> assertThat(lesson.description()).isNotBlank());
    }

    @Test
    void everyListedClassExistsAndHasAPublicStaticMain() throws Exception {
        for (Lesson lesson : LessonIndex.load().lessons()) {
            Class<?> type = Class.forName(lesson.mainClass());
            Method main = type.getMethod("main", String[].class);
            assertThat(Modifier.isStatic(main.getModifiers())).as(lesson.name()).isTrue();
            assertThat(Modifier.isPublic(type.getModifiers())).as(lesson.name()).isTrue();
            assertThat(main.getReturnType()).as(lesson.name()).isEqualTo(void.class);
        }
    }

    /** {@code ./go4j tour --source} finds each lesson's source under this module's src/main/java. */
    @Test
    void everyLessonsSourceIsWhereTourSourceLooks() {
        for (Lesson lesson : LessonIndex.load().lessons()) {
            Path source = Path.of("src/main/java", lesson.mainClass().replace('.', '/') + ".java");
            assertThat(source).as(lesson.name()).isRegularFile();
        }
    }

    @Test
    void everyLessonHasATestClassWithATestableExample() throws Exception {
        for (Lesson lesson : LessonIndex.load().lessons()) {
            Class<?> test = Class.forName(lesson.mainClass() + "Test");
            boolean hasExample = Arrays.stream(test.getDeclaredMethods())
                    .anyMatch(m -> m.isAnnotationPresent(Output.class) || m.isAnnotationPresent(UnorderedOutput.class));
            assertThat(hasExample).as(test.getName() + " has an @Output or @UnorderedOutput example").isTrue();
        }
    }

    @Test
    void parseSkipsCommentsAndBlankLinesAndKeepsTheWholeDescription() {
        LessonIndex index = LessonIndex.parse("test.txt", """
                # a comment

                  first   a.b.First    Does   one thing
                second\tSecond\tThe other
                """);

        assertThat(index.lessons()).containsExactly(
                new Lesson("first", "a.b.First", "Does   one thing"),
                new Lesson("second", "Second", "The other"));
        assertThat(index.find("second")).contains(new Lesson("second", "Second", "The other"));
        assertThat(index.find("third")).isEmpty();
        assertThat(index.numberOf(index.lessons().get(1))).isEqualTo(2);
        assertThat(index.numbered(2)).contains(new Lesson("second", "Second", "The other"));
        assertThat(index.numbered(0)).isEmpty();
        assertThat(index.numbered(3)).isEmpty();
    }

    @Test
    void parseRejectsMalformedLinesNamingTheLine() {
        assertThatThrownBy(() -> LessonIndex.parse("x.txt", "# header\nonly-two a.B\n"))
                .hasMessage("x.txt:2: expected a name, a main class and a description");
        assertThatThrownBy(() -> LessonIndex.parse("x.txt", "Bad_Name a.B text\n"))
                .hasMessage("x.txt:1: lesson names are lower-case words joined by '-', not \"Bad_Name\"");
        assertThatThrownBy(() -> LessonIndex.parse("x.txt", "ok 1a.B text\n"))
                .hasMessage("x.txt:1: not a class name: \"1a.B\"");
        assertThatThrownBy(() -> LessonIndex.parse("x.txt", "ok a.B text\nok a.C text\n"))
                .hasMessage("x.txt:2: lesson \"ok\" is listed twice");
        assertThatThrownBy(() -> LessonIndex.parse("x.txt", "# nothing\n"))
                .hasMessage("x.txt: lists no lessons");
    }
}
