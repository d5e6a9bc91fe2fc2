package dev.go4j.examples.tour;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The go4j tour: runs the lessons listed in the index {@code lessons.txt}, each in a child JVM (see
 * {@link ChildJvm}), under a heading with its one-line description. The launcher's {@code ./go4j tour} runs this
 * class.
 *
 * {@snippet lang=shell :
 * ./go4j tour                      # every lesson, in the index's order
 * ./go4j tour fork-join            # one lesson (or several, by name)
 * ./go4j tour 7                    # a lesson by its number
 * ./go4j tour --list               # the lessons, numbered, with their descriptions
 * ./go4j tour --source ping-pong   # a lesson's source, after a line with its path
 * }
 *
 * <p>Exit status: 0 if every lesson ran and exited with 0; otherwise the first non-zero status a lesson exited with
 * (the tour still runs the remaining lessons); 2 for an unknown lesson or option, which runs nothing; 1 if a
 * lesson's source cannot be read.
 */
public final class Tour {
    private static final String USAGE = """
            usage: go4j tour [lesson... | --list | --source lesson]
              (no arguments)    run every lesson, in order
              lesson...         run the lessons given by name or by number
              --list            list the lessons, numbered
              --source lesson   print a lesson's source, after a line with its path""";

    /** The system property naming the directory of the lessons' sources, which the launcher sets. */
    static final String SOURCES_PROPERTY = "go4j.tour.sources";

    private Tour() {
    }

    /**
     * Runs the tour as the command line says, and exits with its status.
     *
     * @param args lesson names or numbers, {@code --list}, {@code --source} and a lesson, or {@code --help}; none for
     *     every lesson
     */
    public static void main(String[] args) {
        Optional<Path> sources = Optional.ofNullable(System.getProperty(SOURCES_PROPERTY)).map(Path::of);
        int status = run(List.of(args), System.out, System.err, LessonIndex.load(), ChildJvm.inheritingIo(), sources);
        System.out.flush();
        System.exit(status);
    }

    /**
     * The tour's logic: everything {@link #main} does except exiting.
     *
     * @param sources the directory of the lessons' sources ({@code go4j-examples/src/main/java}), for
     *     {@code --source}; empty if unknown
     * @return the exit status
     */
    static int run(List<String> args, PrintStream out, PrintStream err, LessonIndex index, LessonRunner runner,
            Optional<Path> sources) {
        if (args.equals(List.of("--list"))) {
            list(out, index);
            return 0;
        }
        if (args.equals(List.of("--help")) || args.equals(List.of("-h"))) {
            out.println(USAGE);
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals("--source")) {
            if (args.size() != 2) {
                err.println("tour: --source takes one lesson, by name or number");
                err.println(USAGE);
                return 2;
            }
            Optional<Lesson> lesson = lesson(args.get(1), err, index);
            return lesson.isEmpty() ? 2 : printSource(lesson.get(), out, err, sources);
        }
        List<Lesson> chosen = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-")) {
                err.println("tour: unknown option " + arg);
                err.println(USAGE);
                return 2;
            }
            Optional<Lesson> lesson = lesson(arg, err, index);
            if (lesson.isEmpty()) {
                return 2;
            }
            chosen.add(lesson.get());
        }
        return runLessons(args.isEmpty() ? index.lessons() : chosen, out, err, index, runner);
    }

    /** The lesson {@code arg} names or numbers; if there is none, says so on {@code err}. */
    private static Optional<Lesson> lesson(String arg, PrintStream err, LessonIndex index) {
        if (!arg.isEmpty() && arg.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int number = arg.length() > 9 ? 0 : Integer.parseInt(arg); // 10 digits: more than any tour has
            Optional<Lesson> lesson = index.numbered(number);
            if (lesson.isEmpty()) {
                err.println("tour: no lesson number " + arg + "; the lessons are numbered 1 to "
                        + index.lessons().size() + " (go4j tour --list)");
            }
            return lesson;
        }
        Optional<Lesson> lesson = index.find(arg);
        if (lesson.isEmpty()) {
            err.println("tour: no lesson named \"" + arg + "\"; the lessons are: " + String.join(", ", index.names()));
        }
        return lesson;
    }

    private static void list(PrintStream out, LessonIndex index) {
        int width = index.names().stream().mapToInt(String::length).max().orElse(0);
        int numberWidth = String.valueOf(index.lessons().size()).length();
        for (Lesson lesson : index.lessons()) {
            String number = String.valueOf(index.numberOf(lesson));
            out.println(" ".repeat(numberWidth - number.length()) + number + "  " + lesson.name()
                    + " ".repeat(width - lesson.name().length() + 2) + lesson.description());
        }
    }

    /** Prints the lesson's source file under a comment line with its path. */
    private static int printSource(Lesson lesson, PrintStream out, PrintStream err, Optional<Path> sources) {
        if (sources.isEmpty()) {
            err.println("tour: --source needs the lessons' sources (the launcher, ./go4j tour, sets -D"
                    + SOURCES_PROPERTY + ")");
            return 1;
        }
        Path file = sources.get().resolve(lesson.mainClass().replace('.', '/') + ".java");
        try {
            String text = Files.readString(file);
            out.println("// " + file);
            out.print(text.endsWith("\n") ? text : text + "\n");
            return 0;
        } catch (IOException e) {
            err.println("tour: cannot read the source of lesson " + lesson.name() + ": " + file);
            return 1;
        }
    }

    private static int runLessons(List<Lesson> lessons, PrintStream out, PrintStream err, LessonIndex index,
            LessonRunner runner) {
        int firstFailure = 0;
        for (int i = 0; i < lessons.size(); i++) {
            Lesson lesson = lessons.get(i);
            if (i > 0) {
                out.println();
            }
            out.println("=== " + index.numberOf(lesson) + "/" + index.lessons().size() + " " + lesson.name());
            out.println("    " + lesson.description());
            out.println();
            out.flush(); // the child writes to the same terminal: the heading must be out first
            int status = runOne(lesson, err, runner);
            if (status != 0) {
                err.println("tour: lesson " + lesson.name() + " exited with status " + status);
                if (firstFailure == 0) {
                    firstFailure = status;
                }
            }
        }
        return firstFailure;
    }

    private static int runOne(Lesson lesson, PrintStream err, LessonRunner runner) {
        try {
            return runner.run(lesson);
        } catch (IOException e) {
            err.println("tour: cannot start lesson " + lesson.name() + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("tour: interrupted while lesson " + lesson.name() + " ran");
            return 1;
        }
    }
}
