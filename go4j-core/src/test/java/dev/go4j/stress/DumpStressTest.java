package dev.go4j.stress;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;
import static dev.go4j.testsupport.GoTesting.join;
import static dev.go4j.testsupport.GoTesting.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.stress.ExactlyOnceStress.Config;
import dev.go4j.sync.Mutex;
import dev.go4j.sync.WaitGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Goroutine dumps taken back to back while goroutines start, block, wake and finish: the capture path (each
 * goroutine's own stack, taken while it may be mounting, unmounting or ending) must never crash the JVM, and
 * every dump must be well-formed. (On JDK 25.0.3 the JDK's whole-VM dump of such a program crashed the JVM; go4j
 * builds its dump from its registry.) Prints its seed; {@code -Dgo4j.stress.seed=N} replays the churn's random
 * choices. Tagged "stress", which {@code -Pshort} skips; it stops after {@link #DUMPS} dumps or {@link #LIMIT}.
 */
@Tag("stress")
class DumpStressTest {
    private static final int DUMPS = 10_000;
    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final int CHURNERS = 4;
    /** The first line of each entry. */
    private static final Pattern HEADER = Pattern.compile("^(goroutine \\d+|thread \"[^\"]*\") \\[[^\\]]+\\]:$");

    @Test
    void thousandsOfDumpsDuringChurnAreAllWellFormed() throws Exception {
        long seed = Config.seedFromProperty();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong spawned = new AtomicLong();
        Chan<Integer> toPlatform = Chan.<Integer>make().named("to-platform");
        Thread platform = Thread.ofPlatform().name("platform receiver").start(() -> {
            for (Integer ignored : toPlatform) {
                // a thread go4j did not start, parked in go4j between values: "thread \"platform receiver\" [...]"
            }
        });
        WaitGroup churners = new WaitGroup();
        for (int i = 0; i < CHURNERS; i++) {
            SplittableRandom random = new SplittableRandom(seed + i);
            churners.go(() -> {
                while (!stop.get()) {
                    spawned.addAndGet(churnOnce(random, toPlatform));
                }
            });
        }

        DumpChecker checker = new DumpChecker();
        long started = System.nanoTime();
        join(start(() -> {
            long deadline = started + LIMIT.toNanos();
            while (checker.dumps() < DUMPS && System.nanoTime() - deadline < 0) {
                Go.dump(checker);
                checker.endOfDump();
            }
        }));
        stop.set(true);
        churners.await();
        toPlatform.close();
        join(platform);

        System.out.printf("dump stress: seed=%d (replay with -Dgo4j.stress.seed=%d), %d dumps of %d entries in"
                        + " %.1f s, %d goroutines spawned meanwhile%n", seed, seed, checker.dumps(), checker.entries(),
                (System.nanoTime() - started) / 1e9, spawned.get());
        assertThat(checker.problems()).as("seed %d", seed).isEmpty();
        assertThat(checker.dumps()).isPositive();
        assertThat(spawned.get()).isPositive();
    }

    /** One random step of churn; waits for the goroutines it started and returns how many it started. */
    @SuppressWarnings("try") // try (var held = mu.locked()) never names held: that is the idiom
    private static int churnOnce(SplittableRandom random, Chan<Integer> toPlatform) {
        WaitGroup children = new WaitGroup();
        int n = 1 + random.nextInt(8);
        switch (random.nextInt(5)) {
            case 0 -> { // block on a channel, some named, then be woken one by one
                Chan<Integer> ch = Chan.make();
                if (random.nextBoolean()) {
                    ch.named("churn");
                }
                for (int i = 0; i < n; i++) {
                    children.go(ch::receive);
                }
                for (int i = 0; i < n; i++) {
                    ch.send(i);
                }
            }
            case 1 -> { // a select with a timeout, woken by a send or by the timer
                Chan<Empty> a = Chan.make();
                Chan<Empty> b = Chan.<Empty>make().named("b");
                for (int i = 0; i < n; i++) {
                    children.go(() -> select(Duration.ofNanos(random.nextLong(2_000_000)),
                            onReceive(a, v -> { }), onReceive(b, v -> { })));
                }
                b.trySend(Empty.VALUE);
            }
            case 2 -> { // sleep briefly
                for (int i = 0; i < n; i++) {
                    long nanos = random.nextLong(1_000_000);
                    children.go(() -> Go.sleep(Duration.ofNanos(nanos)));
                }
            }
            case 3 -> { // contend for a mutex
                Mutex mu = new Mutex();
                for (int i = 0; i < n; i++) {
                    children.go(() -> {
                        try (var held = mu.locked()) {
                            Thread.yield();
                        }
                    });
                }
            }
            default -> { // start and finish at once; wake the platform thread
                for (int i = 0; i < n; i++) {
                    children.go(() -> { });
                }
                toPlatform.send(n);
            }
        }
        children.await();
        return n;
    }

    /**
     * An Appendable that keeps nothing but the current line and checks each dump as it streams: every entry
     * starts with a header, frames are "\tat " lines, the created-by line is "created by ...", entries are
     * separated by exactly one empty line, and the dump ends with a complete line.
     */
    private static final class DumpChecker implements Appendable {
        private static final int MAX_PROBLEMS = 20;
        private final StringBuilder line = new StringBuilder();
        private final List<String> problems = new ArrayList<>();
        private boolean expectHeader = true;
        private int entriesOfThisDump;
        private long entries;
        private long dumps;

        @Override
        public Appendable append(CharSequence text) {
            return append(text, 0, text.length());
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) {
            for (int i = start; i < end; i++) {
                append(text.charAt(i));
            }
            return this;
        }

        @Override
        public Appendable append(char c) {
            if (c != '\n') {
                line.append(c);
                return this;
            }
            String text = line.toString();
            line.setLength(0);
            if (expectHeader) {
                if (HEADER.matcher(text).matches()) {
                    entriesOfThisDump++;
                    expectHeader = false;
                } else {
                    problem("not an entry's header", text);
                }
            } else if (text.isEmpty()) {
                expectHeader = true;
            } else if (!text.startsWith("\tat ") && !text.startsWith("created by ")) {
                problem("neither a frame nor a created-by line", text);
            }
            return this;
        }

        void endOfDump() {
            if (!line.isEmpty()) {
                problem("the dump ends inside a line", line.toString());
            } else if (entriesOfThisDump == 0) {
                problem("a dump without entries (the dumping goroutine's own is missing)", "");
            } else if (expectHeader) {
                problem("the dump ends with an empty line", "");
            }
            entries += entriesOfThisDump;
            dumps++;
            line.setLength(0);
            expectHeader = true;
            entriesOfThisDump = 0;
        }

        private void problem(String what, String text) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add("dump " + (dumps + 1) + ": " + what + ": \"" + text + "\"");
            }
        }

        long dumps() {
            return dumps;
        }

        long entries() {
            return entries;
        }

        List<String> problems() {
            return problems;
        }
    }
}
