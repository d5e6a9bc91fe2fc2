package dev.go4j.examples.sync;

import dev.go4j.Go;
import dev.go4j.Result;
import dev.go4j.sync.Once;
import dev.go4j.sync.WaitGroup;
import java.io.FileNotFoundException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lesson: lazy initialisation with {@link Once#onceValue}, Go's {@code sync.OnceValue}. The first call computes
 * the value; calls that arrive meanwhile wait for it (they do not compute it again); every later call returns it
 * at once. Everything the computation wrote is visible to every caller, without a volatile field or a lock of
 * one's own:
 *
 * <pre>{@code
 * var config = sync.OnceValue(func() Config {
 *     fmt.Println("loading config")
 *     return Config{Port: 8080}
 * })
 * }</pre>
 *
 * <p>Ten goroutines ask for the configuration at the same moment: it is loaded once, and all ten get the same
 * object. {@link Once#onceValues} is the variant for computations that can fail (Go's {@code OnceValues}, which
 * returns a value and an error): it keeps the outcome as a {@link Result}, so a failed load is not retried on every
 * call but reported the same way each time. (A computation that throws a {@code Panic} instead throws it again on
 * every call.) For a lazily created field of an object, {@link Once#run} with a {@code Once} beside the field does
 * the same job.
 *
 * {@snippet :
 * LazyInit.run(10); // loading config (once) ... 10 goroutines got the same config: true
 * }
 */
public final class LazyInit {
    /** How many goroutines ask for the configuration in the tour. */
    static final int GOROUTINES = 10;

    private LazyInit() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> run(GOROUTINES));
    }

    /** The configuration: expensive to load, the same for everybody. */
    record Config(Map<String, String> settings) {
    }

    /** Lets {@code goroutines} goroutines ask for a lazily loaded config, then shows a failing load. */
    static void run(int goroutines) {
        Supplier<Config> config = Once.onceValue(() -> {
            System.out.println("loading config (once)");
            return new Config(Map.of("port", "8080"));
        });

        Config[] got = new Config[goroutines]; // each goroutine writes its own slot; wg.await() publishes them
        var wg = new WaitGroup();
        for (int g = 0; g < goroutines; g++) {
            int slot = g;
            wg.go(() -> got[slot] = config.get());
        }
        wg.await();
        boolean same = Arrays.stream(got).allMatch(c -> c == got[0]); // the same object, not just an equal one
        System.out.println(goroutines + " goroutines got the same config: " + same);
        System.out.println("port " + config.get().settings().get("port"));

        Supplier<Result<String>> key = Once.onceValues(() -> {
            System.out.println("loading key (once)");
            throw new FileNotFoundException("key.pem");
        });
        for (int i = 0; i < 3; i++) {
            switch (key.get()) {
                case Result.Ok<String>(var value) -> System.out.println("key: " + value);
                case Result.Err<String>(var error) -> System.out.println("no key: " + error.getMessage());
            }
        }
    }
}
