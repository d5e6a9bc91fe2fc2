package dev.go4j.examples.tour;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs a lesson's main class in a child JVM: the same {@code java} binary as this JVM, the same class path. A lesson
 * runs through {@code Go.main}, which ends its process with {@code System.exit}; in a child JVM those exit rules are
 * real, and a lesson that panics ends with status 2 without taking the tour down.
 *
 * {@snippet :
 * int status = ChildJvm.inheritingIo().run(lesson); // the lesson's output goes straight to the terminal
 * }
 */
final class ChildJvm implements LessonRunner {
    /** Sets up the child's standard streams on its ProcessBuilder. Final. */
    private final UnaryOperator<ProcessBuilder> io;

    /**
     * Creates a runner whose children's standard streams are set up by {@code io}. If {@code io} leaves standard
     * input a pipe, the pipe is closed at once, so a child never waits for input.
     */
    ChildJvm(UnaryOperator<ProcessBuilder> io) {
        this.io = io;
    }

    /** A runner whose children share this JVM's standard input, output and error. */
    static ChildJvm inheritingIo() {
        return new ChildJvm(ProcessBuilder::inheritIO);
    }

    @Override
    public int run(Lesson lesson) throws IOException, InterruptedException {
        ProcessBuilder builder = io.apply(new ProcessBuilder(command(lesson)));
        Process process = builder.start();
        if (builder.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            process.getOutputStream().close();
        }
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** What gives a lesson go4j's own scheduler on the class path (see {@code Go.scheduler()}). */
    static final String SCHEDULER_ACCESS = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    /**
     * The command that runs {@code lesson}: this JVM's java binary, go4j's scheduler access, its class path, the
     * lesson's main class.
     */
    static List<String> command(Lesson lesson) {
        return List.of(javaBinary(), SCHEDULER_ACCESS, "-cp", System.getProperty("java.class.path"),
                lesson.mainClass());
    }

    /** The java binary running this JVM, or {@code java.home/bin/java} if the OS does not say. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
