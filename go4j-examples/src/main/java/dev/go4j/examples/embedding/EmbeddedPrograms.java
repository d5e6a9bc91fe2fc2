package dev.go4j.examples.embedding;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.Panic;
import dev.go4j.sync.WaitGroup;

/**
 * Lesson: Go programs embedded in a JVM that lives on. {@code Go.main} ends the JVM when the program ends, as a Go
 * binary ends its process; {@code Go.run} runs the same program with the same rules and returns its exit status
 * instead, so a test, {@code mvn exec:java}, a server or a tool can run Go programs one after another (or at the
 * same time) and go on.
 *
 * <p>Each {@code Go.run} is a program of its own: its main goroutine is goroutine 1 again, and
 * {@code Go.numGoroutine()} and the goroutine dumps inside it see only its goroutines. Its exit status is 0 when
 * main returns, {@code n} after {@code Go.exit(n)}, and 2 after a panic (whose report goes to standard error, as
 * under {@code Go.main}) or a deadlock.
 *
 * <p>This class's {@code main} is plain Java: it never calls {@code Go.main}. Run it with
 * {@code ./go4j tour embedded-programs}.
 *
 * {@snippet :
 * int status = Go.run(args, () -> System.out.println("hello"));   // status 0, and the JVM lives on
 * }
 */
public final class EmbeddedPrograms {
    private EmbeddedPrograms() {
    }

    /**
     * Runs four programs in a row and prints their exit statuses.
     *
     * @param args passed to each program
     */
    public static void main(String[] args) {
        run(args);
    }

    /** The lesson's body. */
    static void run(String[] args) {
        for (int program = 1; program <= 2; program++) {
            int status = Go.run(args, () -> {
                // Counted before the worker starts: after wg.await() the worker may still be on its way out.
                int alive = Go.numGoroutine();
                var wg = new WaitGroup();
                Chan<Long> id = Chan.make(1);
                wg.go(() -> id.send(Go.goroutines().getLast().id()));
                wg.await();
                System.out.println("main is goroutine " + Go.goroutines().getFirst().id() + ", its worker was "
                        + id.receive() + ", " + alive + " goroutine alive");
            });
            System.out.println("program " + program + " exited with status " + status);
        }
        System.out.println("Go.exit(3) gives status " + Go.run(args, () -> Go.exit(3)));
        int status = Go.run(args, () -> {
            throw new Panic("something went wrong"); // the report goes to standard error
        });
        System.out.println("a panic gives status " + status);
    }
}
