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
import dev.go4j.Task;
import dev.go4j.WaitReason;
import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.internal.park.LeakProbe;
import dev.go4j.internal.time.TimerProbe;
import dev.go4j.sync.Mutex;
import dev.go4j.time.Ticker;
import dev.go4j.time.Time;
import dev.go4j.time.Timer;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The leaks the leak report is tested on, shared by the in-process test (LeakReportTest) and the child programs
 * (LeakPrograms). Each method starts its goroutines, waits until they block, and returns only their ids: once it
 * has returned, no frame of the caller keeps their channels or threads reachable.
 */
public final class LeakScenarios {
    /** The channel of {@link #heldByAStaticField()}; cleared by its waker. */
    private static final AtomicReference<Chan<Empty>> HELD = new AtomicReference<>();
    /** The channel of {@link #heldByAThreadLocal()}, on the thread that made it (a live one). */
    private static final ThreadLocal<Chan<Empty>> LOCAL = new ThreadLocal<>();

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
        awaitCondition("the stopped ticker's timer to leave the heap", () -> !TimerProbe.heaped(ticker.c()));
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

    /**
     * A goroutine blocked without a deadline on a primitive that the caller's frames do not reach, but that
     * something else does, so that it can still be woken: the leak report must never name it.
     *
     * @param what what still reaches it
     * @param id the goroutine's id
     * @param wake wakes it through that path only (must run on the thread that built the scenarios)
     * @param woken completed by the goroutine once it has been woken
     */
    public record Wakeable(String what, long id, Runnable wake, CompletableFuture<Void> woken) {
    }

    /**
     * The negatives of the leak report, each blocked once this returns: a goroutine whose channel a static field,
     * a blocked goroutine's stack, a platform thread's stack, a live thread's {@code ThreadLocal}, an
     * {@code afterFunc} timer, a context's deadline, a timer it receives from, or the other case of its select
     * still reaches. The wakers of the timers reach them only through weak references: if the timer heap did not
     * hold them, the waker fails.
     */
    public static List<Wakeable> goroutinesThatCanStillBeWoken() {
        return List.of(heldByAStaticField(), heldByABlockedGoroutine(), heldByAPlatformThread(),
                heldByAThreadLocal(), heldByAnAfterFuncTimer(), heldByAContextDeadline(), onATimerChannel(),
                inASelectWithALiveCase());
    }

    private static Wakeable heldByAStaticField() {
        Chan<Empty> ch = Chan.make();
        HELD.set(ch);
        return wakeable("a static field", ch::receive, () -> HELD.getAndSet(null).close());
    }

    /** A goroutine blocked on {@code a}, which only another blocked goroutine (the one the waker reaches) holds. */
    private static Wakeable heldByABlockedGoroutine() {
        Chan<Empty> a = Chan.make();
        Chan<Empty> b = Chan.make();
        var holder = new CompletableFuture<Long>();
        go(() -> {
            holder.complete(LeakProbe.currentId());
            b.receive();
            a.close();
        });
        awaitWaiting(await(holder));
        return wakeable("a blocked goroutine's stack", a::receive, b::close);
    }

    private static Wakeable heldByAPlatformThread() {
        Chan<Empty> ch = Chan.make();
        var handoff = new SynchronousQueue<Empty>();
        Thread.ofPlatform().daemon().name("holds a channel").start(() -> {
            try {
                handoff.take();
            } catch (InterruptedException e) {
                return;
            }
            ch.close();
        });
        return wakeable("a platform thread's stack", ch::receive, () -> {
            try {
                handoff.put(Empty.VALUE);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static Wakeable heldByAThreadLocal() {
        Chan<Empty> ch = Chan.make();
        LOCAL.set(ch);
        return wakeable("a live thread's ThreadLocal", ch::receive, () -> {
            LOCAL.get().close();
            LOCAL.remove();
        });
    }

    private static Wakeable heldByAnAfterFuncTimer() {
        Chan<Empty> ch = Chan.make();
        Task closer = ch::close;
        var weak = new WeakReference<>(closer);
        Time.afterFunc(Duration.ofMinutes(10), closer);
        return wakeable("an afterFunc timer", ch::receive, () -> {
            try {
                alive(weak, "the afterFunc timer's function").run();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static Wakeable heldByAContextDeadline() {
        CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofMinutes(10));
        var weak = new WeakReference<>(ctx);
        return wakeable("a context's deadline", () -> {
            ctx.done().receive();
            ctx.err(); // keeps ctx live across the wait
        }, () -> alive(weak, "the context").cancel());
    }

    private static Wakeable onATimerChannel() {
        Timer timer = Time.newTimer(Duration.ofMinutes(10));
        var weak = new WeakReference<>(timer);
        return wakeable("a timer it receives from", () -> {
            timer.c().receive();
            timer.stop(); // keeps the timer live across the wait
        }, () -> alive(weak, "the timer").reset(Duration.ofNanos(1)));
    }

    private static Wakeable inASelectWithALiveCase() {
        Chan<Empty> dead = Chan.make();
        Chan<Empty> live = Chan.make();
        return wakeable("the live case of its select",
                () -> select(onReceive(dead, v -> { }), onReceive(live, v -> { })), live::close);
    }

    /** Starts a goroutine that runs {@code blocks}, then completes woken; returns once it is blocked. */
    private static Wakeable wakeable(String what, Task blocks, Runnable wake) {
        var id = new CompletableFuture<Long>();
        var woken = new CompletableFuture<Void>();
        go(() -> {
            id.complete(LeakProbe.currentId());
            blocks.run();
            woken.complete(null);
        });
        long goroutine = await(id);
        awaitWaiting(goroutine);
        return new Wakeable(what, goroutine, wake, woken);
    }

    /** The referent of {@code weak}; fails if the collector has cleared it. */
    private static <T> T alive(WeakReference<T> weak, String what) {
        T referent = weak.get();
        if (referent == null) {
            throw new AssertionError(what + " was collected: nothing held it, so its goroutine was unreachable");
        }
        return referent;
    }

    /** Waits until goroutine {@code id} is blocked in go4j. */
    private static void awaitWaiting(long id) {
        awaitCondition("goroutine " + id + " to block", () -> Go.goroutines().stream()
                .anyMatch(g -> g.id() == id && g.waitReason() != null));
    }
}
