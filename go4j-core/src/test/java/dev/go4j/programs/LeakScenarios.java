package dev.go4j.programs;

import static dev.go4j.Go.go;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;
import static dev.go4j.testsupport.GoTesting.await;
import static dev.go4j.testsupport.GoTesting.awaitBlocked;
import static dev.go4j.testsupport.GoTesting.awaitCondition;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.Select;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.LeakProbe;
import dev.go4j.internal.time.TimerProbe;
import dev.go4j.sync.Mutex;
import dev.go4j.time.Ticker;
import dev.go4j.time.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The leaks the leak report is tested on, shared by the in-process test (LeakReportTest) and the child programs
 * (LeakPrograms). Each method starts its goroutines, waits until they block, and returns only their ids: once it
 * has returned, no frame of the caller keeps their channels or threads reachable.
 */
public final class LeakScenarios {
    private LeakScenarios() {
    }

    /**
     * The reader selects on the result and {@code Time.after}; the worker finishes its work only after the reader
     * gave up, then blocks forever sending a result nobody will read.
     */
    public static long senderLeftBehindByATimeout() {
        Chan<String> results = Chan.<String>make().named("results");
        Chan<Empty> workDone = Chan.make();
        var id = new CompletableFuture<Long>();
        go(() -> {
            id.complete(LeakProbe.currentId());
            workDone.receive();
            results.send("too late");
        });
        var timedOut = new AtomicBoolean();
        select(onReceive(results, r -> { }), onReceive(Time.after(Duration.ofMillis(1)), t -> timedOut.set(true)));
        if (!timedOut.get()) {
            throw new AssertionError("the result came before the timeout");
        }
        workDone.close();
        awaitBlocked(results, WaitReason.CHAN_SEND, 1);
        return await(id);
    }

    /** A goroutine ranges over a ticker's channel; the ticker is stopped and dropped, nothing is closed. */
    public static long consumerOfAStoppedTicker() {
        Ticker ticker = Time.newTicker(Duration.ofMillis(1));
        Chan<Instant> seen = Chan.make(1);
        var id = new CompletableFuture<Long>();
        go(() -> {
            id.complete(LeakProbe.currentId());
            for (Instant tick : ticker.c()) {
                seen.trySend(tick);
            }
        });
        seen.receive(); // it consumes ticks
        ticker.stop(); // Go 1.23: a stopped ticker sends nothing more and holds no goroutine of its own
        awaitBlocked(ticker.c(), WaitReason.CHAN_RECEIVE, 1);
        // A stopped timer leaves the heap lazily (a zombie, dropped when the heap's runner reaches its due time, 1 ms
        // on): until then the heap still refers to the timer, so to its channel, so to the consumer.
        awaitCondition("the stopped ticker's timer to leave the heap", () -> TimerProbe.zombies() == 0);
        return await(id);
    }

    /** The holder exits without unlocking: Go lets any goroutine unlock, so this is a leak, not a fatal error. */
    public static long workerOnAnAbandonedMutex() {
        var mu = new Mutex();
        Chan<Empty> held = Chan.make();
        go(() -> {
            mu.lock();
            held.close();
        });
        held.receive();
        var id = new CompletableFuture<Long>();
        go(() -> {
            id.complete(LeakProbe.currentId());
            mu.lock();
            mu.unlock();
        });
        awaitBlocked(mu, WaitReason.SYNC_MUTEX_LOCK, 1);
        return await(id);
    }

    /**
     * A sleeper, a select with a timeout and a select with {@code Time.after}, on channels nobody else can reach:
     * their deadlines will wake them (in ten minutes, after this JVM is gone).
     */
    public static Set<Long> goroutinesOnlyTheirDeadlinesWillWake() {
        Duration later = Duration.ofMinutes(10);
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        go(() -> {
            ids.add(LeakProbe.currentId());
            Go.sleep(later);
        });
        go(() -> {
            ids.add(LeakProbe.currentId());
            Select.select(later, onReceive(Chan.<Empty>make(), v -> { }));
        });
        go(() -> {
            ids.add(LeakProbe.currentId());
            select(onReceive(Chan.<Empty>make(), v -> { }), onReceive(Time.after(later), t -> { }));
        });
        awaitCondition("three goroutines waiting for their deadlines", () -> Go.goroutines().stream()
                .filter(g -> ids.contains(g.id()) && g.waitReason() != null).count() == 3);
        return Set.copyOf(ids);
    }
}
