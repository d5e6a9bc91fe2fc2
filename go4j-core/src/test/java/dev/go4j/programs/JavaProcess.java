package dev.go4j.programs;

import dev.go4j.testsupport.GoTesting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = readAll(process.getInputStream());
        CompletableFuture<String> stderr = readAll(process.getErrorStream());
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(mainClass.getSimpleName() + " did not end within " + timeout);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome(process.exitValue(), stdout.join(), stderr.join(), elapsed);
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
