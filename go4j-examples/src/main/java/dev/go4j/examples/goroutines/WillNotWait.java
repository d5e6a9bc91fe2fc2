package dev.go4j.examples.goroutines;

import static dev.go4j.Go.go;

import dev.go4j.Go;
import dev.go4j.Interrupted;
import dev.go4j.sync.WaitGroup;

/**
 * Lesson: a program does not wait for its goroutines. When {@code main} returns, the program ends, and goroutines
 * still running or blocked simply stop, whatever they were about to do.
 *
 * <p>Here main starts a goroutine, prints, and returns. The goroutine first waits on a {@link WaitGroup} that nobody
 * will ever release, so its line is never printed. Without that wait, the goroutine's print would race with main's
 * return: sometimes it gets in before the process exits, sometimes not, depending on how the scheduler happens to
 * run things. That is so in Go and in go4j alike; the lesson blocks the goroutine to make the outcome certain, not
 * merely likely. In Go:
 *
 * <pre>{@code
 * func main() {
 *     go func() {
 *         <-never // nobody sends
 *         fmt.Println("hello from the goroutine")
 *     }()
 *     fmt.Println("hello from main, not waiting")
 * }
 * }</pre>
 *
 * <p>Run it with {@code ./go4j tour will-not-wait}. Its testable example calls {@link #run(WaitGroup)} rather than
 * {@code main} ({@code Go.main} would end the test JVM), checks that the goroutine is blocked, and interrupts it to
 * clean up, which is why the goroutine catches {@link Interrupted}: a Go program has no interrupts, so under
 * {@code Go.main} that branch never runs.
 *
 * {@snippet :
 * var nobody = new WaitGroup();
 * nobody.add(1);          // and nobody calls done()
 * WillNotWait.run(nobody); // prints only main's line
 * }
 */
public final class WillNotWait {
    private WillNotWait() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> {
            var nobody = new WaitGroup();
            nobody.add(1); // nobody will ever call done()
            run(nobody);
        });
    }

    /** The lesson's body: starts a goroutine that waits on {@code nobody} before printing, prints, returns. */
    static void run(WaitGroup nobody) {
        go(() -> {
            try {
                nobody.await();
            } catch (Interrupted e) {
                return; // a test cleaning up; never under Go.main
            }
            System.out.println("hello from the goroutine");
        });
        System.out.println("hello from main, not waiting");
    }
}
