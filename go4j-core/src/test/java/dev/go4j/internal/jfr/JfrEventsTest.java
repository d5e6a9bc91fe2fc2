package dev.go4j.internal.jfr;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.join;
import static dev.go4j.testsupport.GoTesting.letClockPass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.Panic;
import dev.go4j.RuntimeError;
import dev.go4j.WaitReason;
import dev.go4j.testsupport.Spawned;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * go4j's JFR events, each read back from an in-process recording: a test starts a recording with the settings it
 * needs, makes go4j do one thing, stops the recording and reads its file. Every recording is closed at the end of
 * its test, so that the next test starts with none (the switch {@link Jfr#on()} reads all of them).
 */
@ResourceLock("jfr.recordings")
class JfrEventsTest {
    private static final Duration THRESHOLD = Duration.ofMillis(10);
    private static final String CHANNEL_CLASS = "dev.go4j.internal.chan.Channel";

    @TempDir
    Path dir;

    @Test
    void theSwitchIsOnExactlyWhileARecordingRuns() {
        assertThat(Jfr.on()).isFalse();
        try (var recording = new Recording()) {
            recording.start();
            assertThat(Jfr.on()).isTrue();
            recording.stop();
            assertThat(Jfr.on()).isFalse();
        }
    }

    @Test
    void aRecordingThatDoesNotWantGoroutineBlockedCostsTheParkPathNoEvent() {
        try (var recording = new Recording()) {
            recording.disable("dev.go4j.GoroutineBlocked");
            recording.start();
            assertThat(Jfr.on()).isTrue();
            assertThat(Jfr.waitBegins(WaitReason.CHAN_RECEIVE)).isNull();
        }
    }

    @Test
    void aGoroutineBlockedPastTheThresholdIsRecordedWhenItWakes() throws Exception {
        try (var recording = new Recording()) {
            recording.enable("dev.go4j.GoroutineBlocked").withThreshold(THRESHOLD).withStackTrace();
            recording.start();
            Chan<String> jobs = Chan.<String>make().named("jobs");
            Spawned worker = Spawned.go(jobs::receive);
            worker.awaitBlocked(WaitReason.CHAN_RECEIVE);
            letClockPass(THRESHOLD.toNanos()); // the wait began before awaitBlocked returned: it lasts longer
            jobs.send("work");
            assertThat(worker.end()).isNull();
            recording.stop();

            assertThat(events(recording, "dev.go4j.GoroutineBlocked"))
                    .filteredOn(e -> "jobs".equals(e.getString("channel")))
                    .anySatisfy(e -> {
                        assertThat(e.getLong("goroutineId")).isEqualTo(goroutineId(worker.thread()));
                        assertThat(e.getThread().getJavaThreadId()).isEqualTo(worker.thread().threadId());
                        assertThat(e.getString("waitReason")).isEqualTo("chan receive");
                        assertThat(e.getString("waitingOn")).startsWith("chan \"jobs\"");
                        assertThat(e.getBoolean("timed")).isFalse();
                        assertThat(e.getDuration()).isGreaterThanOrEqualTo(THRESHOLD);
                        assertThat(e.getStackTrace().getFrames()).extracting(RecordedFrame::getMethod)
                                .anySatisfy(m -> assertThat(m.getType().getName()).isEqualTo(CHANNEL_CLASS));
                    });
        }
    }

    @Test
    void aWaitShorterThanTheThresholdIsNotRecorded() throws Exception {
        try (var recording = new Recording()) {
            recording.enable("dev.go4j.GoroutineBlocked").withThreshold(Duration.ofHours(1));
            recording.start();
            Chan<String> brief = Chan.<String>make().named("brief");
            Spawned worker = Spawned.go(brief::receive);
            worker.awaitBlocked(WaitReason.CHAN_RECEIVE);
            brief.send("at once");
            assertThat(worker.end()).isNull();
            recording.stop();

            assertThat(events(recording, "dev.go4j.GoroutineBlocked"))
                    .noneMatch(e -> "brief".equals(e.getString("channel")));
        }
    }

    @Test
    void aTimedSelectRecordsItsReasonAndTheNamesOfItsChannels() throws Exception {
        try (var recording = new Recording()) {
            recording.enable("dev.go4j.GoroutineBlocked").withThreshold(THRESHOLD);
            recording.start();
            Chan<String> left = Chan.<String>make().named("left");
            Chan<String> right = Chan.<String>make().named("right");
            Spawned worker = Spawned.go(() -> select(Duration.ofHours(1), onReceive(left, v -> { }),
                    onReceive(right, v -> { })));
            worker.awaitBlocked(WaitReason.SELECT);
            letClockPass(THRESHOLD.toNanos());
            right.send("x");
            assertThat(worker.end()).isNull();
            recording.stop();

            assertThat(events(recording, "dev.go4j.GoroutineBlocked"))
                    .filteredOn(e -> e.getThread().getJavaThreadId() == worker.thread().threadId())
                    .anySatisfy(e -> {
                        assertThat(e.getString("waitReason")).isEqualTo("select");
                        assertThat(e.getBoolean("timed")).isTrue();
                        assertThat(Arrays.asList(e.getString("channel").split(", ")))
                                .containsExactlyInAnyOrder("left", "right");
                        assertThat(e.getString("waitingOn")).startsWith("select on ");
                    });
        }
    }

    @Test
    void closingAChannelRecordsWhatWasBufferedAndWhomTheCloseWoke() throws Exception {
        try (var recording = new Recording()) {
            recording.enable("dev.go4j.ChannelClosed");
            recording.start();
            Chan<Integer> buffered = Chan.<Integer>make(4).named("buffered");
            buffered.send(1);
            buffered.send(2);
            buffered.close();

            Chan<Integer> receivers = Chan.<Integer>make().named("receivers");
            Spawned first = Spawned.go(receivers::receive);
            Spawned second = Spawned.go(receivers::receive);
            awaitBlocked(receivers, WaitReason.CHAN_RECEIVE, 2);
            receivers.close();
            assertThat(first.end()).isNull();
            assertThat(second.end()).isNull();

            Chan<Integer> senders = Chan.<Integer>make().named("senders");
            Spawned sender = Spawned.go(() -> senders.send(3));
            sender.awaitBlocked(WaitReason.CHAN_SEND);
            senders.close();
            assertThat(sender.end()).isInstanceOf(RuntimeError.class).hasMessage("send on closed channel");

            Chan<Integer> unnamed = Chan.make();
            unnamed.close();
            recording.stop();

            List<RecordedEvent> closed = events(recording, "dev.go4j.ChannelClosed");
            Map<String, RecordedEvent> byName = closed.stream().filter(e -> e.getString("channel") != null)
                    .collect(Collectors.toMap(e -> e.getString("channel"), Function.identity()));
            assertThat(byName.get("buffered")).satisfies(e -> {
                assertThat(e.getInt("capacity")).isEqualTo(4);
                assertThat(e.getInt("buffered")).isEqualTo(2);
                assertThat(e.getInt("receiversWoken")).isZero();
                assertThat(e.getInt("sendersWoken")).isZero();
            });
            assertThat(byName.get("receivers")).satisfies(e -> {
                assertThat(e.getInt("capacity")).isZero();
                assertThat(e.getInt("buffered")).isZero();
                assertThat(e.getInt("receiversWoken")).isEqualTo(2);
                assertThat(e.getInt("sendersWoken")).isZero();
            });
            assertThat(byName.get("senders")).satisfies(e -> {
                assertThat(e.getInt("receiversWoken")).isZero();
                assertThat(e.getInt("sendersWoken")).isEqualTo(1);
            });
            String identity = unnamed.toString().substring(0, unnamed.toString().indexOf('['));
            assertThat(closed).anySatisfy(e -> {
                assertThat(e.getString("identity")).isEqualTo(identity);
                assertThat(e.getString("channel")).isNull();
            });
        }
    }

    @Test
    void channelClosedIsOffInTheDefaultConfiguration() throws Exception {
        try (var recording = new Recording(Configuration.getConfiguration("default"))) {
            recording.start();
            Chan.make().named("quiet").close();
            recording.stop();

            assertThat(events(recording, "dev.go4j.ChannelClosed")).isEmpty();
        }
    }

    @Test
    void theSnapshotListsAGoroutineBlockedLongerThanMinimumWait() throws Exception {
        try (var recording = new Recording()) {
            recording.enable("dev.go4j.BlockedGoroutines").with("minimumWait", "10 ms");
            recording.start();
            Chan<String> stuck = Chan.<String>make().named("stuck");
            Spawned worker = Spawned.go(stuck::receive);
            worker.awaitBlocked(WaitReason.CHAN_RECEIVE);
            letClockPass(THRESHOLD.toNanos());
            recording.stop(); // the end of the recording's chunk takes the snapshot (period everyChunk)
            stuck.send("free");
            assertThat(worker.end()).isNull();

            assertThat(events(recording, "dev.go4j.BlockedGoroutines"))
                    .filteredOn(e -> "stuck".equals(e.getString("channel")))
                    .anySatisfy(e -> {
                        assertThat(e.getLong("goroutineId")).isEqualTo(goroutineId(worker.thread()));
                        assertThat(e.getString("waitReason")).isEqualTo("chan receive");
                        assertThat(e.getString("waitingOn")).startsWith("chan \"stuck\"");
                        assertThat(e.getDuration("waitingTime")).isGreaterThanOrEqualTo(THRESHOLD);
                    });
        }
    }

    @Test
    void theSnapshotLeavesOutGoroutinesBlockedForLessThanMinimumWait() throws Exception {
        try (var recording = new Recording()) {
            recording.enable("dev.go4j.BlockedGoroutines").with("minimumWait", "1 h")
                    .withPeriod(Duration.ofMillis(10));
            recording.start();
            Chan<String> fresh = Chan.<String>make().named("fresh");
            Spawned worker = Spawned.go(fresh::receive);
            worker.awaitBlocked(WaitReason.CHAN_RECEIVE);
            recording.stop();
            fresh.send("free");
            assertThat(worker.end()).isNull();

            assertThat(events(recording, "dev.go4j.BlockedGoroutines"))
                    .noneMatch(e -> "fresh".equals(e.getString("channel")));
        }
    }

    @Test
    void minimumWaitReadsJfrDurationsAndTheShortestOfSeveralWins() {
        assertThat(MinimumWait.parse("20 ms")).isEqualTo(20_000_000L);
        assertThat(MinimumWait.parse("1 s")).isEqualTo(1_000_000_000L);
        assertThat(MinimumWait.parse("0")).isZero();
        assertThat(MinimumWait.parse("5us")).isEqualTo(5_000L);
        assertThat(MinimumWait.parse("2 h")).isEqualTo(7_200_000_000_000L);
        assertThat(MinimumWait.parse("soon")).isEqualTo(-1);
        assertThat(MinimumWait.parse("10 fortnights")).isEqualTo(-1);
        assertThat(new MinimumWait().combine(Set.of("1 s", "20 ms", "junk"))).isEqualTo("20 ms");
        assertThat(new MinimumWait().combine(Set.of())).isEqualTo(MinimumWait.DEFAULT);
    }

    @Test
    @ResourceLock("go4j.panicPolicy")
    void aPanicInLibraryModeIsRecordedAndStillReachesTheHandler() throws Exception {
        Thread.UncaughtExceptionHandler saved = Thread.getDefaultUncaughtExceptionHandler();
        var caught = new CompletableFuture<Thread>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            caught.complete(t);
            throw new IllegalStateException("a handler that fails"); // the event is committed all the same
        });
        try (var recording = new Recording()) {
            recording.enable("dev.go4j.Panic");
            recording.start();
            Go.go(() -> {
                throw new Panic("boom in a library");
            });
            Thread failed = await(caught);
            join(failed);
            recording.stop();

            assertThat(events(recording, "dev.go4j.Panic")).anySatisfy(e -> {
                assertThat(e.getString("panic")).isEqualTo("boom in a library");
                assertThat(e.getLong("goroutineId")).isEqualTo(goroutineId(failed));
                assertThat(e.getClass("exceptionClass").getName()).isEqualTo(Panic.class.getName());
                assertThat(e.getBoolean("fatalError")).isFalse();
                assertThat(e.getBoolean("endsProgram")).isFalse();
            });
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(saved);
        }
    }

    @Test
    void theLeakReportsEventCarriesWhatTheReportGivesIt() throws Exception {
        try (var recording = new Recording()) {
            recording.enable("dev.go4j.GoroutineLeak");
            recording.start();
            assertThat(Jfr.on()).isTrue();
            Jfr.goroutineLeak(42, WaitReason.CHAN_SEND, "chan \"results\"[len=0, cap=0]", "results",
                    Duration.ofSeconds(5).toNanos(), "example.Main.main in goroutine 1");
            recording.stop();

            assertThat(events(recording, "dev.go4j.GoroutineLeak")).singleElement().satisfies(e -> {
                assertThat(e.getLong("goroutineId")).isEqualTo(42);
                assertThat(e.getString("waitReason")).isEqualTo("chan send");
                assertThat(e.getString("waitingOn")).isEqualTo("chan \"results\"[len=0, cap=0]");
                assertThat(e.getString("channel")).isEqualTo("results");
                assertThat(e.getDuration("blockedFor")).isEqualTo(Duration.ofSeconds(5));
                assertThat(e.getString("createdBy")).isEqualTo("example.Main.main in goroutine 1");
            });
        }
    }

    @Test
    void everyEventIsInCategoryGo4jWithALabelAndADescription() throws Exception {
        try (var recording = new Recording()) {
            recording.start();
            recording.stop();
            List<String> names = List.of("dev.go4j.GoroutineBlocked", "dev.go4j.BlockedGoroutines",
                    "dev.go4j.ChannelClosed", "dev.go4j.Panic", "dev.go4j.Deadlock", "dev.go4j.GoroutineLeak");
            var types = FlightRecorder.getFlightRecorder().getEventTypes().stream()
                    .filter(t -> names.contains(t.getName())).toList();
            assertThat(types).hasSize(names.size()).allSatisfy(t -> {
                assertThat(t.getCategoryNames()).containsExactly("go4j");
                assertThat(t.getLabel()).isNotBlank();
                assertThat(t.getDescription()).isNotBlank();
                assertThat(t.getFields()).allSatisfy(f -> {
                    assertThat(f.getLabel()).as(t.getName() + "." + f.getName()).isNotBlank();
                });
            });
        }
    }

    /** The events named {@code name} in the stopped {@code recording}. */
    private List<RecordedEvent> events(Recording recording, String name) throws IOException {
        Path file = dir.resolve("recording-" + recording.getId() + ".jfr");
        recording.dump(file);
        return RecordingFile.readAllEvents(file).stream().filter(e -> e.getEventType().getName().equals(name))
                .toList();
    }

    /** The id of the goroutine running on {@code thread}, from its name ({@code goroutine 7}). */
    private static long goroutineId(Thread thread) {
        return Long.parseLong(thread.getName().substring("goroutine ".length()));
    }

}
