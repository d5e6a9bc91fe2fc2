package dev.go4j;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.onSend;
import static dev.go4j.Select.select;
import static dev.go4j.SelectTest.queued;
import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static dev.go4j.testsupport.GoTesting.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.testsupport.Spawned;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A select that gives up (timeout, interrupt, or another case won) leaves nothing behind: no sudog stays queued on
 * any of its channels, and neither the elements it offered nor the goroutine that ran it stay reachable through
 * the channels.
 *
 * <p>Cost, measured on a 2-core machine. Every select here registers on four channels and then withdraws. A select
 * with a 1 ns timeout registers (the deadline is checked only after the cases are enqueued) and cancels without
 * parking: 0.3 µs alone, 1.5 to 4 µs here with the peer competing for the cores, so nearly all of the million are of
 * that kind (2 to 5 s). A select that really parks before timing out costs about 16 µs on a virtual thread (75 µs
 * on a platform thread) even with a 1 µs timeout, because the timed park itself does: a million of them would take
 * some 16 s, so only {@value #PARKED} are run (20 µs timeouts, about 1 s). Interrupting a blocked select needs a
 * handshake per select (awaitBlocked), so only {@value #INTERRUPTED} are run (about 0.3 s). Tagged "long", which
 * {@code -Pshort} skips.
 */
@Tag("long")
class SelectNoLeakTest {
    static final int CANCELLED = 1_000_000;
    static final int PARKED = 10_000;
    static final int INTERRUPTED = 2_000;
    static final int TINY = CANCELLED - PARKED - INTERRUPTED;
    static final int LOST = 10_000;

    /** The channels every select waits on; none is ever ready for the selects unless a peer acts. */
    private final Chan<Object> receiveFrom = Chan.make();
    private final Chan<Object> sendTo = Chan.make();
    private final Chan<Object> full = Chan.make(1);
    private final Chan<Object> empty = Chan.make(2);

    /** Each phase's element and goroutine thread, weakly held; all must clear at the end. */
    private final List<Tracked> references = new CopyOnWriteArrayList<>();

    /** An object that must become unreachable, and what it was. */
    private record Tracked(String what, WeakReference<Object> reference) {
        Tracked(String what, Object referent) {
            this(what, new WeakReference<>(referent));
        }

        boolean cleared() {
            return reference.get() == null;
        }
    }

    /** How many selects of the first phase timed out, and how many the peer matched instead. */
    private record Tiny(long timedOut, long matched) {
    }

    /** One batch of selects, run by one goroutine over cases that offer that goroutine's own element. */
    @FunctionalInterface
    private interface Phase {
        void run(Select.Case[] cases) throws Exception;
    }

    @Test
    void aMillionCancelledSelectsLeaveNoRegistrationsAndKeepNothingReachable() throws Exception {
        full.send("filler");
        long start = System.nanoTime();
        Tiny tiny = tinyTimeoutsWithAPeer();
        long tinyEnd = System.nanoTime();
        parkedTimeouts();
        long parkedEnd = System.nanoTime();
        interruptedWhileWaiting();
        long interruptedEnd = System.nanoTime();
        lostToAnotherCase();
        long end = System.nanoTime();
        System.out.printf("SelectNoLeakTest: %d timeouts of 1 ns in %d ms (%d more selects matched by the peer),"
                        + " %d parked timeouts in %d ms, %d interrupts in %d ms, %d lost selects in %d ms%n",
                tiny.timedOut(), (tinyEnd - start) / 1_000_000, tiny.matched(), PARKED, (parkedEnd - tinyEnd) / 1_000_000,
                INTERRUPTED, (interruptedEnd - parkedEnd) / 1_000_000, LOST, (end - interruptedEnd) / 1_000_000);

        for (Chan<Object> ch : List.of(receiveFrom, sendTo, full, empty)) {
            assertThat(queued(ch)).as(ch.toString()).isZero();
        }
        assertThat(full.len()).isOne();
        assertThat(empty.len()).isZero();
        assertThat(references).hasSize(8);
        awaitCollected(references);
    }

    /**
     * {@value #TINY} selects time out at once, while a peer keeps trying to complete their cases without ever
     * registering itself (trySend, tryReceive): the peer succeeds only by claiming a registered select, which
     * proves that these selects do register before they time out, and every success is a case that fired.
     *
     * <p>How often the peer gets in depends on the machine's load: from thousands per run on an idle 2-core
     * machine down to a few dozen while other builds run. So the phase goes on after its {@value #TINY} timeouts
     * until the peer has matched at least once, for at most {@link dev.go4j.testsupport.GoTesting#TIMEOUT} in all.
     */
    private Tiny tinyTimeoutsWithAPeer() throws Exception {
        var stop = new AtomicBoolean();
        var peerTook = new AtomicLong();
        Thread peer = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                if (receiveFrom.trySend("peer")) {
                    peerTook.incrementAndGet();
                }
                if (sendTo.tryReceive() instanceof TryReceive.Value<Object>) {
                    peerTook.incrementAndGet();
                }
            }
        });
        var fired = new AtomicLong();
        var timedOut = new AtomicLong();
        long giveUp = System.nanoTime() + TIMEOUT.toNanos();
        try {
            runPhase(cases -> {
                while (timedOut.get() < TINY || (fired.get() == 0 && System.nanoTime() - giveUp < 0)) {
                    if (select(Duration.ofNanos(1), cases)) {
                        fired.incrementAndGet();
                    } else {
                        timedOut.incrementAndGet();
                    }
                }
            });
        } finally {
            stop.set(true);
            peer.join(TIMEOUT);
        }
        assertThat(fired.get()).as("cases fired = peer operations that completed").isEqualTo(peerTook.get());
        assertThat(fired.get()).as("the selects registered").isPositive();
        return new Tiny(timedOut.get(), fired.get());
    }

    /** {@value #PARKED} selects park with a 20 µs timeout and time out. */
    private void parkedTimeouts() throws Exception {
        runPhase(cases -> {
            for (int i = 0; i < PARKED; i++) {
                assertThat(select(Duration.ofNanos(20_000), cases)).isFalse();
            }
        });
    }

    /** {@value #INTERRUPTED} selects block until interrupted. */
    private void interruptedWhileWaiting() throws Exception {
        Chan<Integer> acks = Chan.make(1);
        Spawned selector = startPhase(cases -> {
            for (int i = 0; i < INTERRUPTED; i++) {
                try {
                    select(cases);
                    throw new AssertionError("a case fired");
                } catch (Interrupted expected) {
                    Thread.interrupted();
                }
                acks.send(i);
            }
        });
        for (int i = 0; i < INTERRUPTED; i++) {
            selector.awaitBlocked(WaitReason.SELECT);
            for (Chan<Object> ch : List.of(receiveFrom, sendTo, full, empty)) {
                assertThat(queued(ch)).as("registered on %s", ch).isOne();
            }
            selector.thread().interrupt();
            assertThat(acks.receive()).isEqualTo(i);
        }
        finish(selector);
    }

    /**
     * {@value #LOST} selects each complete one case (a peer sends on {@code receiveFrom}) and withdraw from the
     * other three channels.
     */
    private void lostToAnotherCase() throws Exception {
        var received = new AtomicInteger();
        Spawned sender = Spawned.go(() -> {
            for (int i = 0; i < LOST; i++) {
                receiveFrom.send(i);
            }
        });
        runPhase(cases -> {
            for (int i = 0; i < LOST; i++) {
                select(cases);
                received.incrementAndGet();
            }
        });
        assertThat(sender.end()).isNull();
        assertThat(received).hasValue(LOST);
    }

    /** The cases of every phase: two unbuffered channels, a full and an empty buffer, and the nil channel. */
    private Select.Case[] cases(Object element) {
        return new Select.Case[] {
            onReceive(receiveFrom, v -> { }),
            onSend(sendTo, element, () -> { }),
            onSend(full, element, () -> { }),
            onReceive(empty, v -> { }),
            onReceive(Chan.nil(), v -> { }),
        };
    }

    /** Starts a goroutine that makes a fresh element and runs {@code phase}; records weak references to both. */
    private Spawned startPhase(Phase phase) {
        return Spawned.go(() -> {
            Object element = new Object();
            references.add(new Tracked("element of " + Thread.currentThread(), element));
            references.add(new Tracked(Thread.currentThread().toString(), Thread.currentThread()));
            phase.run(cases(element));
        });
    }

    private void runPhase(Phase phase) throws Exception {
        finish(startPhase(phase));
    }

    /** Waits until the phase's goroutine has ended normally and its thread has terminated. */
    private static void finish(Spawned phase) throws Exception {
        assertThat(phase.end()).isNull();
        join(phase.thread());
    }

    /** Runs the collector until every reference has cleared, a bounded number of times. */
    private static void awaitCollected(List<Tracked> references) {
        for (int attempt = 0; attempt < 20 && !references.stream().allMatch(Tracked::cleared); attempt++) {
            System.gc();
        }
        assertThat(references.stream().filter(t -> !t.cleared()).map(Tracked::what)).as("still reachable")
                .isEmpty();
    }
}
