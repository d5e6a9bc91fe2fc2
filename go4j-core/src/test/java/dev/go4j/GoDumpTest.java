package dev.go4j;

import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.internal.park.G;
import dev.go4j.sync.WaitGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Go.dump, Go.stack and Go.goroutines: the dump is parsed back (headers, frames, created-by lines) and agrees with
 * the records, for goroutines in each kind of state; channels carry their debug names.
 */
class GoDumpTest {
    private static final Pattern HEADER = Pattern.compile("^(goroutine (\\d+)|thread \"[^\"]*\") \\[([^\\]]+)\\]:$");

    /** Released by each test's end, so its goroutines finish. */
    private final Chan<Empty> release = Chan.make();
    private final AtomicBoolean stopSpinning = new AtomicBoolean();
    private final CompletableFuture<Void> future = new CompletableFuture<>();
    private final Chan<String> jobs = Chan.<String>make(4).named("jobs");
    private final Chan<String> quit = Chan.<String>make().named("quit");
    private final WaitGroup wg = new WaitGroup();
    /** Whether a test counted wg up (so its waiter must be released). */
    private boolean waiting;
    /** A goroutine sleeping for an hour, interrupted at the end. */
    private Thread sleeperThread;

    /** Every goroutine a test started ends, so none is left to later tests (some count goroutines). */
    @AfterEach
    void releaseEverything() {
        release.close();
        jobs.close();
        quit.close();
        stopSpinning.set(true);
        future.complete(null);
        if (waiting) {
            wg.done();
        }
        if (sleeperThread != null) {
            sleeperThread.interrupt();
        }
    }

    /** One parsed entry of a dump. */
    record Entry(String header, long id, String state, List<String> frames, String createdBy) {
    }

    static Map<Long, Entry> parse(String dump) {
        Map<Long, Entry> entries = new LinkedHashMap<>();
        for (String block : dump.split("\n\n")) {
            List<String> lines = block.lines().toList();
            Matcher header = HEADER.matcher(lines.get(0));
            assertThat(header.matches()).as("header of %s", block).isTrue();
            List<String> frames = new ArrayList<>();
            String createdBy = null;
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith("\tat ") && createdBy == null) {
                    frames.add(line.substring(4));
                } else if (line.startsWith("created by ")) {
                    createdBy = line;
                } else {
                    assertThat(line).as("a line of %s", block).startsWith("\tat ");
                }
            }
            long id = header.group(2) == null ? 0 : Long.parseLong(header.group(2));
            if (id != 0) {
                entries.put(id, new Entry(lines.get(0), id, header.group(3), frames, createdBy));
            }
        }
        return entries;
    }

    private static String dump() {
        StringBuilder text = new StringBuilder();
        Go.dump(text);
        return text.toString();
    }

    /** Starts {@code task} as a goroutine from inside a goroutine and returns both ids (parent, child). */
    private static long[] startFromGoroutine(Task task) {
        Chan<long[]> ids = Chan.make(1);
        Go.go(() -> {
            long parent = G.current().id();
            Chan<Long> child = Chan.make(1);
            Go.go(() -> {
                child.send(G.current().id());
                task.run();
            });
            ids.send(new long[] {parent, child.receive()});
        });
        return ids.receive();
    }

    private static Thread threadOf(long id) {
        for (G g : G.all()) {
            if (g.id() == id) {
                return g.thread();
            }
        }
        throw new AssertionError("no goroutine " + id);
    }

    @Test
    void theDumpShowsEachStateAndParsesBack() {
        wg.add(1);
        waiting = true;
        long[] receiver = startFromGoroutine(() -> jobs.receive());
        long[] selector = startFromGoroutine(() -> Select.select(
                Select.onReceive(jobs, v -> { }), Select.onReceive(quit, v -> { }), Select.onReceive(release, v -> { })));
        long[] sleeper = startFromGoroutine(() -> {
            try {
                Go.sleep(Duration.ofHours(1));
            } catch (Interrupted e) {
                // releaseEverything woke it
            }
        });
        sleeperThread = threadOf(sleeper[1]);
        long[] waiter = startFromGoroutine(wg::await);
        long[] jdkWaiter = startFromGoroutine(future::get);
        long[] spinner = startFromGoroutine(() -> {
            while (!stopSpinning.get()) {
                Thread.onSpinWait();
            }
        });
        awaitBlocked(threadOf(receiver[1]), WaitReason.CHAN_RECEIVE);
        awaitBlocked(threadOf(selector[1]), WaitReason.SELECT);
        awaitBlocked(threadOf(sleeper[1]), WaitReason.SLEEP);
        awaitBlocked(threadOf(waiter[1]), WaitReason.SYNC_WAITGROUP_WAIT);
        awaitCondition("the JDK waiter parks", () -> threadOf(jdkWaiter[1]).getState() == Thread.State.WAITING);

        Map<Long, Entry> entries = parse(dump());
        assertThat(entries.get(receiver[1]).header())
                .isEqualTo("goroutine " + receiver[1] + " [chan receive, on \"jobs\"]:");
        assertThat(entries.get(selector[1]).header())
                .isEqualTo("goroutine " + selector[1] + " [select, on \"jobs\" \"quit\"]:");
        assertThat(entries.get(sleeper[1]).state()).isEqualTo("sleep");
        assertThat(entries.get(waiter[1]).state()).isEqualTo("sync.WaitGroup.Wait");
        assertThat(entries.get(jdkWaiter[1]).state()).isEqualTo("WAITING");
        assertThat(entries.get(spinner[1]).state()).isIn("running", "runnable");
        for (long[] pair : List.of(receiver, selector, sleeper, waiter, jdkWaiter, spinner)) {
            Entry entry = entries.get(pair[1]);
            assertThat(entry.createdBy()).as("%s", entry).endsWith(" in goroutine " + pair[0]);
            assertThat(entry.frames()).as("%s", entry).isNotEmpty()
                    .allSatisfy(frame -> assertThat(frame).doesNotContain("dev.go4j.internal.",
                            "java.lang.VirtualThread", "jdk.internal.vm."));
            assertThat(entry.frames().get(entry.frames().size() - 1)).contains("GoDumpTest");
        }
        assertThat(entries.get(waiter[1]).frames().get(0)).startsWith("dev.go4j.sync.WaitGroup.await(");

        Map<Long, GoroutineInfo> records = new LinkedHashMap<>();
        for (GoroutineInfo info : Go.goroutines()) {
            records.put(info.id(), info);
        }
        assertThat(records.get(receiver[1]).waitReason()).isEqualTo(WaitReason.CHAN_RECEIVE);
        assertThat(records.get(receiver[1]).waitingOn()).startsWith("chan \"jobs\"[");
        assertThat(records.get(receiver[1]).createdIn()).isEqualTo(receiver[0]);
        assertThat(records.get(receiver[1]).createdBy()).isNull(); // only with -Dgo4j.debug.createdBy=true
        assertThat(records.get(receiver[1]).entry().getClassName()).isEqualTo(GoDumpTest.class.getName());
        assertThat(records.get(jdkWaiter[1]).waitReason()).isNull();
        assertThat(records.get(jdkWaiter[1]).waiting()).isZero();
        assertThat(records.get(selector[1]).waitingOn()).contains("chan \"jobs\"", "chan \"quit\"");
        assertThat(List.copyOf(records.keySet())).isSorted();
    }

    @Test
    void stackStartsWithTheCallingGoroutineRunning() {
        Chan<String> trace = Chan.make(1);
        Chan<Long> id = Chan.make(1);
        Go.go(() -> {
            id.send(G.current().id());
            trace.send(Go.stack(false));
        });
        long self = id.receive();
        String text = trace.receive();
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("goroutine " + self + " [running]:");
        assertThat(lines.get(1)).startsWith("\tat " + GoDumpTest.class.getName() + ".lambda$");
        assertThat(text).doesNotContain("\n\n"); // one goroutine only
    }

    @Test
    void stackOfAllListsTheCallerFirstThenTheOthers() {
        long[] blocked = startFromGoroutine(() -> release.receive());
        awaitBlocked(threadOf(blocked[1]), WaitReason.CHAN_RECEIVE);
        Chan<String> trace = Chan.make(1);
        Go.go(() -> trace.send(Go.stack(true)));
        Map<Long, Entry> entries = parse(trace.receive());
        assertThat(entries.values().iterator().next().state()).isEqualTo("running");
        assertThat(entries.get(blocked[1]).state()).isEqualTo("chan receive");
    }

    @Test
    void aForeignThreadParkedInGo4jIsListedByName() throws Exception {
        Thread platform = Thread.ofPlatform().name("the-waiter").start(() -> release.receive());
        awaitBlocked(platform, WaitReason.CHAN_RECEIVE);
        assertThat(dump()).contains("thread \"the-waiter\" [chan receive]:\n");
        assertThat(Go.goroutines()).noneMatch(info -> info.id() == 0);
    }

    @Test
    void aChannelIsNamedOnceAndKeepsItsName() {
        Chan<Integer> ch = Chan.<Integer>make(2).named("results");
        assertThat(ch.toString()).isEqualTo("chan \"results\"[len=0, cap=2]");
        assertThatThrownBy(() -> ch.named("other")).isInstanceOf(IllegalStateException.class)
                .hasMessage("channel already named \"results\"");
        assertThatThrownBy(() -> Chan.make().named(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chan.nil().named("nil")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the nil channel cannot be named");
        assertThatThrownBy(() -> Chan.make().named(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aDumpWritesThroughTheAppendableAndWrapsItsFailure() {
        long[] blocked = startFromGoroutine(() -> release.receive());
        awaitBlocked(threadOf(blocked[1]), WaitReason.CHAN_RECEIVE);
        Appendable failing = new Appendable() {
            @Override
            public Appendable append(CharSequence csq) throws java.io.IOException {
                throw new java.io.IOException("disk full");
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) throws java.io.IOException {
                throw new java.io.IOException("disk full");
            }

            @Override
            public Appendable append(char c) throws java.io.IOException {
                throw new java.io.IOException("disk full");
            }
        };
        assertThatThrownBy(() -> Go.dump(failing)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("disk full");
    }
}
