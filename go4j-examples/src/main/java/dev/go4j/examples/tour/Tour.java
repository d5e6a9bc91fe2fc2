package dev.go4j.examples.tour;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The go4j tour: runs the lessons listed in the index {@code lessons.txt}, each in a child JVM (see
 * {@link ChildJvm}), under a heading with its one-line description. The launcher's {@code ./go4j tour} runs this
 * class.
 *
 * {@snippet lang=shell :
 * ./go4j tour               # every lesson, in the index's order
 * ./go4j tour fork-join     # one lesson (or several, by name)
 * ./go4j tour --list        # the lessons, with their descriptions
 * }
 *
 * <p>Exit status: 0 if every lesson ran and exited with 0; otherwise the first non-zero status a lesson exited with
 * (the tour still runs the remaining lessons); 2 for an unknown lesson or option, which runs nothing.
 */
public final class Tour {
    private static final String USAGE = """
            usage: go4j tour [lesson... | --list]
              (no arguments)  run every lesson, in order
              lesson...       run the named lessons
              --list          list the lessons""";

    private Tour() {
    }

    /**
     * Runs the tour as the command line says, and exits with its status.
     *
     * @param args lesson names, {@code --list} or {@code --help}; none for every lesson
     */
    public static void main(String[] args) {
        int status = run(List.of(args), System.out, System.err, LessonIndex.load(), ChildJvm.inheritingIo());
        System.out.flush();
        System.exit(status);
    }

    /**
     * The tour's logic: everything {@link #main} does except exiting.
     *
     * @return the exit status
     */
    static int run(List<String> args, PrintStream out, PrintStream err, LessonIndex index, LessonRunner runner) {
        if (args.equals(List.of("--list"))) {
            list(out, index);
            return 0;
        }
        if (args.equals(List.of("--help")) || args.equals(List.of("-h"))) {
            out.println(USAGE);
            return 0;
        }
        List<Lesson> chosen = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-")) {
                err.println("tour: unknown option " + arg);
                err.println(USAGE);
                return 2;
            }
            Optional<Lesson> lesson = index.find(arg);
            if (lesson.isEmpty()) {
                err.println("tour: no lesson named \"" + arg + "\"; the lessons are: "
                        + String.join(", ", index.names()));
                return 2;
            }
            chosen.add(lesson.get());
        }
        return runLessons(args.isEmpty() ? index.lessons() : chosen, out, err, index, runner);
    }

    private static void list(PrintStream out, LessonIndex index) {
        int width = index.names().stream().mapToInt(String::length).max().orElse(0);
        for (Lesson lesson : index.lessons()) {
            out.println(lesson.name() + " ".repeat(width - lesson.name().length() + 2) + lesson.description());
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
