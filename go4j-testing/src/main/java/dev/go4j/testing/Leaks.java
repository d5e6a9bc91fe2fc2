package dev.go4j.testing;

import dev.go4j.Go;
import dev.go4j.GoroutineInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/*
 * Implementation notes.
 *
 * After uber-go/goleak's VerifyNone: take the live goroutines (Go.goroutines(), go4j's registry), drop the calling
 * goroutine and those the options ignore; if any remain, look again with a growing pause (1 ms doubling up to
 * 100 ms) until the grace period is over, as goroutines that are about to end often are. Ids only grow (go4j never
 * reuses one), so "started after the snapshot" is "id greater than the highest id alive at the snapshot": a
 * goroutine with a higher id that was not alive then had not been started yet, and one that had ended cannot come
 * back. The report is go4j's own dump (Go.dump) cut down to the leaked ids, so it reads exactly as a goroutine dump
 * does; an entry that is missing there belongs to a goroutine that ended meanwhile, which is then no leak.
 *
 * Which function a rule names. Dump frames are Java's, and a goroutine's stack holds go4j's public frames too
 * (Select.select, WaitGroup.await, the lambda by which WaitGroup.go runs its task), so a rule by frame alone would
 * have to name those. Instead:
 *
 *   - created by F: the frame that called go (GoroutineInfo.createdBy, recorded with -Dgo4j.debug.createdBy=true),
 *     else the outermost frame outside go4j, the task's body (the dump's "created by" line without the flag
 *     names the entry frame, which may still be a go4j wrapper such as WaitGroup's);
 *   - blocked in F: any frame from the innermost outward to the first frame outside go4j and the JDK, that one
 *     included: so a goroutine parked in Worker.run -> Select.select matches both "Worker.run" and
 *     "dev.go4j.Select.select", and one in Poller.poll -> LinkedBlockingQueue.take matches "Poller.poll".
 *
 * F is "package.Class.method" and also matches the bodies of lambdas written in that method (javac names them
 * lambda$method$N), since a goroutine's entry is usually such a lambda. go4j's frames are told by module name when
 * go4j-core is a named module, else by package: GO4J_PACKAGES lists go4j-core's packages outside
 * dev.go4j.internal (LeaksTest checks it against go4j-core's module descriptor); JDK frames always have a module
 * name starting with "java." or "jdk.".
 *
 * The grace period is real time, measured from the call: a leak check guards the test run, whatever clock the
 * goroutines use.
 */

/**
 * Checks that goroutines do not outlive their test, as uber-go's {@code goleak} does for Go tests: a goroutine
 * still alive after its test is a leak (blocked forever on a channel nobody closes, a loop nobody stops), and
 * leaks pile up until a long-running program runs out of memory.
 *
 * {@snippet file="LeaksSnippets.java" region="verify-none"}
 *
 * <p>{@link #verifyNone()} looks at every live goroutine except the calling one; goroutines that are about to end
 * get a grace period ({@link #DEFAULT_GRACE}, one second of real time, or {@link #grace(Duration)}) before they
 * count. The {@link AssertionError} lists each leaked goroutine as a goroutine dump shows it ({@link Go#dump}):
 *
 * <pre>
 * found unexpected goroutines (1), alive 1s after the check began:
 *
 * goroutine 12 [chan receive, on "jobs"]:
 *         at com.example.Worker.lambda$start$0(Worker.java:21)
 * created by com.example.Worker.lambda$start$0 in goroutine 1
 * </pre>
 *
 * <p>Options narrow the check: {@link #ignoreCurrent()} leaves out the goroutines alive when it is called (those
 * of earlier tests, or of the test framework), {@link #ignoreCreatedBy(String)} and {@link #ignoreBlockedIn(String)}
 * leave out goroutines by the function that started them or the function they are blocked in. In JUnit,
 * {@link VerifyNoLeaks @VerifyNoLeaks} runs the check after each test (or after a class) for the goroutines that test
 * started.
 *
 * <p>The check sees goroutines that go4j started ({@link Go#go Go.go} and everything built on it); threads go4j did
 * not start are not goroutines and never count. Goroutines of tests that run in parallel with the checked code
 * count too, so run leak-checked tests alone (the JUnit extension takes JUnit's global lock for that).
 */
public final class Leaks {
    /** How long goroutines may take to end before they count as leaked, unless {@link #grace} says otherwise. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(1);

    /** go4j-core's packages outside dev.go4j.internal: frames there are go4j's, not the code under test. */
    static final Set<String> GO4J_PACKAGES = Set.of("dev.go4j", "dev.go4j.context", "dev.go4j.errgroup",
            "dev.go4j.os.signal", "dev.go4j.runtime", "dev.go4j.semaphore", "dev.go4j.singleflight", "dev.go4j.sync",
            "dev.go4j.time");
    /** The header of a dump entry of a goroutine: its id in group 1. */
    private static final Pattern GOROUTINE_HEADER = Pattern.compile("^goroutine (\\d+) \\[");
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private Leaks() {
    }

    /**
     * An option of {@link #verifyNone(Option...)}: which goroutines to leave out, or how long to wait for them.
     * Made by {@link #ignoreCurrent()}, {@link #ignoreCreatedBy(String)}, {@link #ignoreBlockedIn(String)} and
     * {@link #grace(Duration)}.
     */
    public sealed interface Option permits StartedAfter, CreatedBy, BlockedIn, Grace {
    }

    /** Leave out goroutines whose id is at most {@code id}. */
    private record StartedAfter(long id) implements Option {
    }

    /** Leave out goroutines that {@code function} started. */
    private record CreatedBy(FunctionName function) implements Option {
    }

    /** Leave out goroutines blocked in {@code function}. */
    private record BlockedIn(FunctionName function) implements Option {
    }

    /** Wait this long for goroutines to end. */
    private record Grace(Duration duration) implements Option {
    }

    /**
     * Fails if any goroutine but the calling one is still alive after the {@linkplain #DEFAULT_GRACE grace
     * period}, goleak's {@code VerifyNone}. Returns as soon as none is.
     *
     * @throws AssertionError listing the leaked goroutines in the goroutine dump format
     */
    public static void verifyNone() {
        verifyNone(new Option[0]);
    }

    /**
     * Fails if any goroutine but the calling one and those the options leave out is still alive after the grace
     * period. Returns as soon as none is.
     *
     * {@snippet file="LeaksSnippets.java" region="options"}
     *
     * @param options what to leave out ({@link #ignoreCurrent()}, {@link #ignoreCreatedBy(String)},
     *     {@link #ignoreBlockedIn(String)}) and how long to wait ({@link #grace(Duration)}; the last one counts)
     * @throws AssertionError listing the leaked goroutines in the goroutine dump format, or if the calling thread
     *     is interrupted while it waits (its interrupt status is set again)
     */
    public static void verifyNone(Option... options) {
        Rules rules = new Rules(List.of(options), currentGoroutineId());
        long deadline = System.nanoTime() + rules.grace.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            List<GoroutineInfo> leaked = rules.leaked(Go.goroutines());
            if (leaked.isEmpty()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                String report = report(leaked, rules.grace);
                if (report == null) {
                    return; // every one of them ended meanwhile
                }
                throw new AssertionError(report);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for goroutines to end", e);
            }
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
    }

    /**
     * Leaves out the goroutines alive now, goleak's {@code IgnoreCurrent}: take it before the code under test
     * runs, and only goroutines started after it count.
     *
     * @return the option
     */
    public static Option ignoreCurrent() {
        long highest = 0;
        for (GoroutineInfo g : Go.goroutines()) {
            highest = Math.max(highest, g.id());
        }
        return new StartedAfter(highest);
    }

    /**
     * Leaves out goroutines started by {@code function}: the frame that called {@code go} when the JVM runs with
     * {@code -Dgo4j.debug.createdBy=true}, else the goroutine's entry, the outermost frame of its stack outside
     * go4j (the task given to {@code go}). A lambda written in {@code function} counts as {@code function}, so
     * {@code "com.example.Pool.start"} matches the goroutines of {@code go(() -> …)} calls in {@code Pool.start}
     * with and without the flag.
     *
     * @param function a method, as {@code package.Class.method} ({@code Class$Nested} for a nested class)
     * @return the option
     * @throws IllegalArgumentException if {@code function} has no {@code .} between class and method
     */
    public static Option ignoreCreatedBy(String function) {
        return new CreatedBy(FunctionName.parse(function));
    }

    /**
     * Leaves out goroutines blocked in {@code function}, goleak's {@code IgnoreTopFunction}: the innermost frame of
     * the goroutine's stack outside go4j and the JDK (the function of the code under test it is blocked in), or any
     * go4j or JDK frame inside that one ({@code "dev.go4j.Select.select"}, {@code "java.lang.Thread.sleep"}). A
     * lambda written in {@code function} counts as {@code function}.
     *
     * @param function a method, as {@code package.Class.method} ({@code Class$Nested} for a nested class)
     * @return the option
     * @throws IllegalArgumentException if {@code function} has no {@code .} between class and method
     */
    public static Option ignoreBlockedIn(String function) {
        return new BlockedIn(FunctionName.parse(function));
    }

    /**
     * Waits up to {@code grace} (real time) for goroutines to end before they count as leaked, instead of
     * {@link #DEFAULT_GRACE}.
     *
     * @param grace how long to wait; zero to look only once
     * @return the option
     * @throws IllegalArgumentException if {@code grace} is negative
     */
    public static Option grace(Duration grace) {
        if (Objects.requireNonNull(grace, "grace").isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
        return new Grace(grace);
    }

    /** The id of the calling goroutine, or 0 if the caller is a thread go4j did not start. */
    private static long currentGoroutineId() {
        String header = Go.stack(false).lines().findFirst().orElse("");
        Matcher id = GOROUTINE_HEADER.matcher(header);
        return id.find() ? Long.parseLong(id.group(1)) : 0;
    }

    /**
     * The failure message: the dump entries of {@code leaked}, or null if none of them is in the dump any more.
     */
    private static @Nullable String report(List<GoroutineInfo> leaked, Duration grace) {
        Set<Long> ids = new TreeSet<>();
        for (GoroutineInfo g : leaked) {
            ids.add(g.id());
        }
        StringBuilder dump = new StringBuilder();
        Go.dump(dump);
        List<String> entries = new ArrayList<>();
        for (String entry : dump.toString().split("\n\n")) {
            Matcher header = GOROUTINE_HEADER.matcher(entry);
            if (header.find() && ids.contains(Long.parseLong(header.group(1)))) {
                entries.add(entry.strip());
            }
        }
        if (entries.isEmpty()) {
            return null;
        }
        return "found unexpected goroutines (" + entries.size() + "), alive " + describe(grace)
                + " after the check began:\n\n" + String.join("\n\n", entries);
    }

    /** {@code 1s}, {@code 250ms}: a grace period as a person writes it. */
    private static String describe(Duration grace) {
        return grace.toMillis() % 1000 == 0 ? grace.toSeconds() + "s" : grace.toMillis() + "ms";
    }

    /** The options of one check, applied to goroutine records. */
    static final class Rules {
        /** Goroutines with an id up to this are left out; 0 leaves none out. */
        private final long startedAfter;
        /** The calling goroutine's id (left out), or 0. */
        private final long self;
        private final List<FunctionName> createdBy = new ArrayList<>();
        private final List<FunctionName> blockedIn = new ArrayList<>();
        private final Duration grace;

        Rules(List<Option> options, long self) {
            this.self = self;
            long after = 0;
            Duration wait = DEFAULT_GRACE;
            for (Option option : options) {
                switch (Objects.requireNonNull(option, "option")) {
                    case StartedAfter s -> after = Math.max(after, s.id());
                    case CreatedBy c -> createdBy.add(c.function());
                    case BlockedIn b -> blockedIn.add(b.function());
                    case Grace g -> wait = g.duration();
                }
            }
            this.startedAfter = after;
            this.grace = wait;
        }

        /** The goroutines of {@code all} that count as leaked. */
        List<GoroutineInfo> leaked(List<GoroutineInfo> all) {
            List<GoroutineInfo> leaked = new ArrayList<>();
            for (GoroutineInfo g : all) {
                if (counts(g)) {
                    leaked.add(g);
                }
            }
            return leaked;
        }

        /** Whether {@code g} counts as leaked under these rules. */
        boolean counts(GoroutineInfo g) {
            if (g.id() <= startedAfter || g.id() == self) {
                return false;
            }
            StackTraceElement creator = g.createdBy() != null ? g.createdBy() : entryOutsideGo4j(g.stack());
            if (creator != null && matchesAny(createdBy, creator)) {
                return false;
            }
            for (StackTraceElement frame : g.stack()) {
                if (matchesAny(blockedIn, frame)) {
                    return false;
                }
                if (!isGo4j(frame) && !isJdk(frame)) {
                    break; // the innermost frame of the code under test: the rule looks no further
                }
            }
            return true;
        }

        private static @Nullable StackTraceElement entryOutsideGo4j(List<StackTraceElement> stack) {
            for (int i = stack.size() - 1; i >= 0; i--) {
                if (!isGo4j(stack.get(i))) {
                    return stack.get(i);
                }
            }
            return null;
        }

        private static boolean matchesAny(List<FunctionName> functions, StackTraceElement frame) {
            for (FunctionName function : functions) {
                if (function.matches(frame)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isGo4j(StackTraceElement frame) {
            String className = frame.getClassName();
            int dot = className.lastIndexOf('.');
            return "dev.go4j".equals(frame.getModuleName()) || className.startsWith("dev.go4j.internal.")
                    || dot > 0 && GO4J_PACKAGES.contains(className.substring(0, dot));
        }

        private static boolean isJdk(StackTraceElement frame) {
            String module = frame.getModuleName();
            return module != null && (module.startsWith("java.") || module.startsWith("jdk."));
        }
    }

    /** A method named as {@code package.Class.method}, matching its frames and those of its lambdas. */
    record FunctionName(String className, String method) {
        static FunctionName parse(String function) {
            int dot = Objects.requireNonNull(function, "function").lastIndexOf('.');
            if (dot <= 0 || dot == function.length() - 1) {
                throw new IllegalArgumentException("a function is named as package.Class.method, not \"" + function
                        + "\"");
            }
            return new FunctionName(function.substring(0, dot), function.substring(dot + 1));
        }

        /** True for a frame of this method or of a lambda written in it ({@code lambda$method$N}). */
        boolean matches(StackTraceElement frame) {
            if (!frame.getClassName().equals(className)) {
                return false;
            }
            String name = frame.getMethodName();
            if (name.equals(method)) {
                return true;
            }
            String lambda = "lambda$" + method + "$";
            return name.startsWith(lambda) && name.length() > lambda.length()
                    && name.substring(lambda.length()).chars().allMatch(Character::isDigit);
        }
    }
}
