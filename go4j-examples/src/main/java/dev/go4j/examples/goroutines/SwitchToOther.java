package dev.go4j.examples.goroutines;

import static dev.go4j.Go.go;

import dev.go4j.Go;
import dev.go4j.sync.WaitGroup;
import java.time.Duration;

/**
 * Lesson: give the goroutine a chance to run before main returns, the right way. Two versions of one program.
 *
 * <p>{@link #withSleep()} is the version tutorials show first: main sleeps 8 ms, hoping the goroutine runs
 * meanwhile. It usually does, and that is the trap: a sleep guarantees nothing. On a loaded machine (a CI runner,
 * a laptop busy compiling) the goroutine may not get a processor within 8 ms, and then its line comes after
 * main's, or never. So this version has no expected-output example: a test of it would be flaky. The tour runs it
 * so that you can see it work, most of the time.
 *
 * <p>{@link #withWaitGroup()} says what it means: {@code wg.go} starts the goroutine and counts it,
 * {@code wg.await()} returns once it has finished, so the order is certain on any machine, and its example has an
 * ordered expected output. In Go:
 *
 * <pre>{@code
 * var wg sync.WaitGroup
 * wg.Go(func() { fmt.Println("hello from the goroutine") })
 * wg.Wait()
 * fmt.Println("main: the goroutine has finished")
 * }</pre>
 *
 * {@snippet :
 * SwitchToOther.withWaitGroup(); // always the goroutine's line, then main's
 * }
 */
public final class SwitchToOther {
    private SwitchToOther() {
    }

    /**
     * Runs both versions as a Go program: first with a sleep, then with a WaitGroup.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> {
            withSleep();
            withWaitGroup();
        });
    }

    /** Hopes the goroutine runs within 8 ms. Usually true; never guaranteed. Not tested, on purpose. */
    static void withSleep() {
        go(() -> System.out.println("sleep: hello from the goroutine"));
        Go.sleep(Duration.ofMillis(8));
        System.out.println("sleep: main slept 8 ms and hopes the goroutine ran");
    }

    /** Waits for the goroutine with a WaitGroup: the order is certain. */
    static void withWaitGroup() {
        var wg = new WaitGroup();
        wg.go(() -> System.out.println("waitgroup: hello from the goroutine"));
        wg.await();
        System.out.println("waitgroup: main knows the goroutine has finished");
    }
}
