package dev.go4j.examples.tour;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lessons of the tour, in order, read from the index {@code lessons.txt} next to this class. Each line of the
 * index holds a lesson's name, its main class and a one-line description, separated by white space; empty lines
 * and lines starting with {@code #} are ignored.
 *
 * {@snippet :
 * LessonIndex index = LessonIndex.load();
 * Optional<Lesson> lesson = index.find("fork-join");
 * }
 *
 * @param lessons the lessons, in the index's order
 */
record LessonIndex(List<Lesson> lessons) {
    /** The index's resource name, relative to this class. */
    static final String RESOURCE = "lessons.txt";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    LessonIndex {
        lessons = List.copyOf(lessons);
    }

    /**
     * Reads the tour's index from the class path.
     *
     * @throws IllegalStateException if it is missing or malformed
     */
    static LessonIndex load() {
        try (InputStream in = LessonIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the tour's index " + RESOURCE + " is not on the class path");
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tour's index " + RESOURCE, e);
        }
    }

    /**
     * Parses an index.
     *
     * @param source the index's name, for error messages
     * @param text the index's text
     * @throws IllegalStateException naming {@code source} and the line, if a line is malformed or a name repeats
     */
    static LessonIndex parse(String source, String text) {
        List<Lesson> lessons = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            String[] fields = line.split("\\s+", 3);
            if (fields.length < 3) {
                throw new IllegalStateException(where + "expected a name, a main class and a description");
            }
            if (!NAME.matcher(fields[0]).matches()) {
                throw new IllegalStateException(where + "lesson names are lower-case words joined by '-', not \""
                        + fields[0] + "\"");
            }
            if (!CLASS_NAME.matcher(fields[1]).matches()) {
                throw new IllegalStateException(where + "not a class name: \"" + fields[1] + "\"");
            }
            if (!names.add(fields[0])) {
                throw new IllegalStateException(where + "lesson \"" + fields[0] + "\" is listed twice");
            }
            lessons.add(new Lesson(fields[0], fields[1], fields[2]));
        }
        if (lessons.isEmpty()) {
            throw new IllegalStateException(source + ": lists no lessons");
        }
        return new LessonIndex(lessons);
    }

    /** The lesson called {@code name}, if there is one. */
    Optional<Lesson> find(String name) {
        return lessons.stream().filter(lesson -> lesson.name().equals(name)).findFirst();
    }

    /** The lesson numbered {@code number} (1-based, as {@link #numberOf} counts), if there is one. */
    Optional<Lesson> numbered(int number) {
        return number >= 1 && number <= lessons.size() ? Optional.of(lessons.get(number - 1)) : Optional.empty();
    }

    /** The lessons' names, in order. */
    List<String> names() {
        return lessons.stream().map(Lesson::name).toList();
    }

    /** The 1-based position of {@code lesson} in the tour. */
    int numberOf(Lesson lesson) {
        return lessons.indexOf(lesson) + 1;
    }
}
