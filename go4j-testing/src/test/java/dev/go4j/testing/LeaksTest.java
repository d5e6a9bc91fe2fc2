package dev.go4j.testing;

import static dev.go4j.Go.go;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;
import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.GoroutineInfo;
import dev.go4j.WaitReason;
import dev.go4j.testing.Leaks.FunctionName;
import dev.go4j.testing.Leaks.Rules;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leaks.verifyNone on live goroutines (each test releases and waits for the ones it started), and its rules on
 * goroutine records.
 */
class LeaksTest {
    private static final Duration SHORT = Duration.ofMillis(50);

    private final Chan<Empty> release = Chan.<Empty>make().named("release");
    /** The goroutines alive before each test. */
    private Leaks.Option before;

    @BeforeEach
    void snapshot() {
        before = Leaks.ignoreCurrent();
    }

    @AfterEach
    void releaseAndWaitForTheTestsGoroutines() {
        release.close();
        Leaks.verifyNone(before, Leaks.grace(TIMEOUT));
    }

    /** Starts, from this method, a goroutine that waits for {@link #release}. */
    private void leakFromHere() {
        go(() -> release.receive());
    }

    /** Waits for {@link #release} in this method. */
    private void parkHere() {
        release.receive();
    }

    private void awaitParked(int goroutines, WaitReason reason) {
        Goroutines.awaitBlocked(release, reason, goroutines, TIMEOUT);
    }

    @Test
    void aLeakedGoroutineIsReportedWithItsDumpEntry() {
        go(() -> release.receive());
        awaitParked(1, WaitReason.CHAN_RECEIVE);

        AssertionError leak = catchThrowableOfType(AssertionError.class,
                () -> Leaks.verifyNone(before, Leaks.grace(SHORT)));

        String[] parts = leak.getMessage().split("\n\n");
        assertThat(parts).hasSize(2);
        assertThat(parts[0]).isEqualTo("found unexpected goroutines (1), alive 50ms after the check began:");
        String entry = parts[1];
        assertThat(entry).startsWith("goroutine ").contains(" [chan receive, on \"release\"]:\n")
                .contains("\tat dev.go4j.testing.LeaksTest.lambda$aLeakedGoroutineIsReportedWithItsDumpEntry$")
                .contains("\ncreated by dev.go4j.testing.LeaksTest.lambda$aLeakedGoroutineIsReportedWithItsDump");
        StringBuilder dump = new StringBuilder();
        Go.dump(dump);
        assertThat(Arrays.stream(dump.toString().split("\n\n")).map(String::strip)).contains(entry);
    }

    @Test
    void everyLeakedGoroutineIsListedLowestIdFirst() {
        leakFromHere();
        leakFromHere();
        awaitParked(2, WaitReason.CHAN_RECEIVE);

        AssertionError leak = catchThrowableOfType(AssertionError.class,
                () -> Leaks.verifyNone(before, Leaks.grace(Duration.ZERO)));

        assertThat(leak.getMessage()).startsWith("found unexpected goroutines (2), alive 0s after the check began:");
        List<Long> ids = Arrays.stream(leak.getMessage().split("\n\n")).skip(1)
                .map(entry -> Long.parseLong(entry.substring("goroutine ".length(), entry.indexOf(' ', 10))))
                .toList();
        assertThat(ids).hasSize(2).isSorted();
    }

    /**
     * The check looks once, finds the goroutine, and waits; the goroutine is released only then (the checker is
     * seen sleeping in verifyNone), so it ends within the grace period and the check passes.
     */
    @Test
    void aGoroutineThatEndsWithinTheGracePeriodIsNotReported() {
        go(() -> release.receive());
        awaitParked(1, WaitReason.CHAN_RECEIVE);
        var outcome = new CompletableFuture<String>();
        Thread checker = Thread.ofPlatform().name("checker").start(() -> {
            try {
                Leaks.verifyNone(before, Leaks.grace(TIMEOUT));
                outcome.complete("passed");
            } catch (AssertionError e) {
                outcome.complete(e.getMessage());
            }
        });

        awaitCondition("the check waits for a goroutine it found", () -> isPausingInVerifyNone(checker));
        release.send(Empty.VALUE);

        assertThat(await(outcome)).isEqualTo("passed");
    }

    /** Whether {@code thread} sleeps between two looks of {@link Leaks#verifyNone(Leaks.Option...)}. */
    static boolean isPausingInVerifyNone(Thread thread) {
        List<String> frames = Arrays.stream(thread.getStackTrace())
                .map(frame -> frame.getClassName() + "." + frame.getMethodName())
                .toList();
        int verify = frames.indexOf(Leaks.class.getName() + ".verifyNone");
        return verify > 0 && frames.get(verify - 1).equals("java.util.concurrent.TimeUnit.sleep");
    }

    @Test
    void goroutinesAliveBeforeTheSnapshotAreNotReported() {
        leakFromHere();
        awaitParked(1, WaitReason.CHAN_RECEIVE);

        Leaks.Option later = Leaks.ignoreCurrent();

        assertThatCode(() -> Leaks.verifyNone(later, Leaks.grace(Duration.ZERO))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Leaks.verifyNone(before, Leaks.grace(Duration.ZERO)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theCallingGoroutineIsNotReported() {
        var outcome = new CompletableFuture<String>();
        go(() -> {
            Leaks.verifyNone(before, Leaks.grace(Duration.ZERO));
            outcome.complete("passed");
        });

        assertThat(await(outcome)).isEqualTo("passed");
    }

    @Test
    void ignoreCreatedByLeavesOutTheGoroutinesAFunctionStarted() {
        leakFromHere();
        go(this::parkHere);
        awaitParked(2, WaitReason.CHAN_RECEIVE);

        AssertionError leak = catchThrowableOfType(AssertionError.class, () -> Leaks.verifyNone(before,
                Leaks.grace(Duration.ZERO), Leaks.ignoreCreatedBy("dev.go4j.testing.LeaksTest.leakFromHere")));

        // Left: the goroutine whose entry is parkHere (a method reference: no lambda frame of the test).
        assertThat(leak.getMessage()).startsWith("found unexpected goroutines (1)")
                .contains("created by dev.go4j.testing.LeaksTest.parkHere");
        assertThatCode(() -> Leaks.verifyNone(before, Leaks.grace(Duration.ZERO),
                Leaks.ignoreCreatedBy("dev.go4j.testing.LeaksTest.leakFromHere"),
                Leaks.ignoreCreatedBy("dev.go4j.testing.LeaksTest.parkHere"))).doesNotThrowAnyException();
    }

    @Test
    void ignoreBlockedInMatchesTheInnermostFunctionOfTheCodeUnderTestAndGo4jsFramesInsideIt() {
        go(() -> parkHere());
        go(() -> select(onReceive(release, e -> { })));
        awaitParked(1, WaitReason.CHAN_RECEIVE);
        awaitParked(1, WaitReason.SELECT);

        assertThatCode(() -> Leaks.verifyNone(before, Leaks.grace(Duration.ZERO),
                Leaks.ignoreBlockedIn("dev.go4j.testing.LeaksTest.parkHere"),
                Leaks.ignoreBlockedIn("dev.go4j.Select.select"))).doesNotThrowAnyException();
        // The lambda that called parkHere is further out than the innermost function of the code under test.
        AssertionError leak = catchThrowableOfType(AssertionError.class, () -> Leaks.verifyNone(before,
                Leaks.grace(Duration.ZERO), Leaks.ignoreBlockedIn("dev.go4j.Select.select"), Leaks.ignoreBlockedIn(
                        "dev.go4j.testing.LeaksTest.ignoreBlockedInMatchesTheInnermostFunctionOfTheCodeUnderTest"
                                + "AndGo4jsFramesInsideIt")));
        assertThat(leak.getMessage()).startsWith("found unexpected goroutines (1)")
                .contains("\tat dev.go4j.testing.LeaksTest.parkHere(");
    }

    // ------------------------------------------------------------------------------------------------------------
    // The rules on records: created-by frames (as -Dgo4j.debug.createdBy=true records them), entries behind go4j's
    // wrappers, lambda names.

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }

    private static GoroutineInfo goroutine(long id, StackTraceElement createdBy, StackTraceElement... stack) {
        return new GoroutineInfo(id, "chan receive", WaitReason.CHAN_RECEIVE, Duration.ZERO, null, 1, createdBy,
                List.of(stack));
    }

    private static boolean counts(GoroutineInfo g, Leaks.Option... options) {
        return new Rules(List.of(options), 0).counts(g);
    }

    @Test
    void theCreatedByFrameDecidesWhenItWasRecorded() {
        GoroutineInfo g = goroutine(7, frame("com.example.Pool", "start"),
                frame("com.example.Worker", "run"), frame("com.example.Pool", "lambda$start$0"));

        assertThat(counts(g, Leaks.ignoreCreatedBy("com.example.Pool.start"))).isFalse();
        assertThat(counts(g, Leaks.ignoreCreatedBy("com.example.Worker.run"))).isTrue();
        assertThat(counts(g, Leaks.ignoreCreatedBy("com.example.Pool.stop"))).isTrue();
    }

    @Test
    void withoutACreatedByFrameTheEntryOutsideGo4jsWrappersDecides() {
        GoroutineInfo viaWaitGroup = goroutine(7, null,
                frame("com.example.Job", "lambda$run$12"), frame("dev.go4j.sync.WaitGroup", "lambda$go$0"));

        assertThat(counts(viaWaitGroup, Leaks.ignoreCreatedBy("com.example.Job.run"))).isFalse();
        assertThat(counts(viaWaitGroup, Leaks.ignoreCreatedBy("dev.go4j.sync.WaitGroup.go"))).isTrue();
    }

    @Test
    void blockedInLooksFromTheTopThroughGo4jAndTheJdkToTheFirstFrameOfTheCodeUnderTest() {
        GoroutineInfo g = goroutine(7, null,
                new StackTraceElement(null, "java.base", null, "java.lang.Thread", "sleep", null, -1),
                frame("dev.go4j.time.Time", "sleep"),
                frame("com.example.Poller", "poll"),
                frame("com.example.Poller", "lambda$start$0"));

        assertThat(counts(g, Leaks.ignoreBlockedIn("java.lang.Thread.sleep"))).isFalse();
        assertThat(counts(g, Leaks.ignoreBlockedIn("dev.go4j.time.Time.sleep"))).isFalse();
        assertThat(counts(g, Leaks.ignoreBlockedIn("com.example.Poller.poll"))).isFalse();
        assertThat(counts(g, Leaks.ignoreBlockedIn("com.example.Poller.start"))).isTrue();
    }

    @Test
    void aFunctionMatchesItsOwnFramesAndItsLambdasOnly() {
        FunctionName start = FunctionName.parse("com.example.Pool$Inner.start");

        assertThat(start.matches(frame("com.example.Pool$Inner", "start"))).isTrue();
        assertThat(start.matches(frame("com.example.Pool$Inner", "lambda$start$3"))).isTrue();
        assertThat(start.matches(frame("com.example.Pool$Inner", "lambda$start$"))).isFalse();
        assertThat(start.matches(frame("com.example.Pool$Inner", "lambda$startAll$0"))).isFalse();
        assertThat(start.matches(frame("com.example.Pool$Inner", "starting"))).isFalse();
        assertThat(start.matches(frame("com.example.Pool", "start"))).isFalse();
        assertThatThrownBy(() -> Leaks.ignoreCreatedBy("start")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a function is named as package.Class.method, not \"start\"");
        assertThatThrownBy(() -> Leaks.ignoreBlockedIn("com.example.Pool.")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> Leaks.grace(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grace must not be negative, was PT-0.001S");
    }

    @Test
    void theCallerNeverCounts() {
        GoroutineInfo g = goroutine(7, null, frame("com.example.Job", "run"));

        assertThat(new Rules(List.of(), 0).counts(g)).isTrue();
        assertThat(new Rules(List.of(), 7).counts(g)).isFalse();
    }

    /** The packages whose frames count as go4j's are go4j-core's exported packages. */
    @Test
    void go4jsPackagesAreTheOnesGo4jCoreExports() throws URISyntaxException {
        Path core = Path.of(Go.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor = ModuleFinder.of(core).find("dev.go4j").orElseThrow().descriptor();

        assertThat(Leaks.GO4J_PACKAGES).isEqualTo(descriptor.exports().stream()
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()));
    }
}
