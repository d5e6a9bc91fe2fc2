package dev.go4j.programs;

import dev.go4j.testsupport.GoTesting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs a class of the test class path in a child JVM and captures what it printed and its exit status. */
public final class JavaProcess {
    /** How long a child may run before the test fails: a JVM's start-up and a short program, with room to spare. */
    public static final Duration TIMEOUT = GoTesting.scaled(Duration.ofSeconds(60));

    /** What a finished child printed, and how it ended. */
    public record Outcome(int exitStatus, String stdout, String stderr, Duration elapsed) {
    }

    private JavaProcess() {
    }

    /** The JVM option that gives go4j its own scheduler on the class path, as the tests themselves run. */
    public static final String SCHEDULER_ACCESS = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    /**
     * Runs {@code mainClass} with {@code args} on go4j's scheduler, as the tests run; fails the test if it has not
     * ended within {@link #TIMEOUT}.
     */
    public static Outcome run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        return run(List.of(SCHEDULER_ACCESS), mainClass, TIMEOUT, args);
    }

    /**
     * Runs {@code mainClass} with {@code args} in a JVM started with exactly {@code jvmOptions} (add
     * {@link #SCHEDULER_ACCESS} for go4j's own scheduler); fails the test if it has not ended after
     * {@code timeout}.
     */
    public static Outcome run(List<String> jvmOptions, Class<?> mainClass, Duration timeout, String... args)
            throws IOException, InterruptedException {
        Running running = start(jvmOptions, mainClass, args);
        running.process.getOutputStream().close();
        return running.await(timeout);
    }

    /**
     * Starts {@code mainClass} with {@code args} in a JVM started with exactly {@code jvmOptions}, for tests that
     * act on the child while it runs; {@link Running#await} ends it.
     */
    public static Running start(List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return start(new ProcessBuilder(command), mainClass.getSimpleName());
    }

    /**
     * Starts the process {@code builder} describes (any program, such as the launcher), called {@code name} in
     * failure messages; {@link Running#await} ends it.
     */
    public static Running start(ProcessBuilder builder, String name) throws IOException {
        return new Running(name, builder.start());
    }

    /** A child process that runs; its standard error is read line by line, so a test can wait for a line. */
    public static final class Running {
        private final String name;
        private final Process process;
        private final long start = System.nanoTime();
        private final LinkedBlockingQueue<String> stderrLines = new LinkedBlockingQueue<>();
        private final StringBuilder stderr = new StringBuilder();
        private final CompletableFuture<String> stdout;
        private final CompletableFuture<Void> stderrDone;

        private Running(String name, Process process) {
            this.name = name;
            this.process = process;
            this.stdout = readAll(process.getInputStream());
            this.stderrDone = CompletableFuture.runAsync(() -> {
                try (var reader = process.errorReader(StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        synchronized (stderr) {
                            stderr.append(line).append('\n');
                        }
                        stderrLines.add(line);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, r -> Thread.ofVirtual().start(r));
        }

        /** The child's process, to write to its standard input. */
        public Process process() {
            return process;
        }

        /**
         * Sends the child SIGTERM (through its ProcessHandle: Process.destroy would also close the streams this
         * class still reads).
         */
        public void terminate() {
            process.toHandle().destroy();
        }

        /**
         * Waits until the child writes a line containing {@code text} to standard error.
         *
         * @throws AssertionError if the child ends or {@link #TIMEOUT} passes first
         */
        public void awaitStderrLine(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                String line = stderrLines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.contains(text)) {
                    return;
                }
                if (line == null && (!process.isAlive() && stderrDone.isDone() && stderrLines.isEmpty()
                        || System.nanoTime() - deadline > 0)) {
                    throw new AssertionError(name + " wrote no line containing \"" + text
                            + "\" to standard error; it wrote:\n" + stderrSoFar());
                }
            }
        }

        private String stderrSoFar() {
            synchronized (stderr) {
                return stderr.toString();
            }
        }

        /** Waits for the child to end (killing it and failing after {@code timeout}) and returns its outcome. */
        public Outcome await(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not end within " + timeout
                        + "; standard error so far:\n" + stderrSoFar());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            stderrDone.join();
            return new Outcome(process.exitValue(), stdout.join(), stderrSoFar(), elapsed);
        }
    }

    private static CompletableFuture<String> readAll(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, r -> Thread.ofVirtual().start(r));
    }
}
