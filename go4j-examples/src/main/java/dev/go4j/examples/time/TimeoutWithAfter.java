package dev.go4j.examples.time;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.sync.WaitGroup;
import dev.go4j.time.Time;
import dev.go4j.time.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lesson: a call with a timeout, written once as a function and used for every call. The caller starts the work
 * in a goroutine that answers on a channel, then selects between that channel and a timer; whichever is ready
 * first decides. In Go:
 *
 * <pre>{@code
 * func call(service func() int, timeout time.Duration) (int, bool) {
 *     answer := make(chan int, 1) // room for a late answer: the goroutine never blocks
 *     go func() { answer <- service() }()
 *     select {
 *     case a := <-answer:
 *         return a, true
 *     case <-time.After(timeout):
 *         return 0, false
 *     }
 * }
 * }</pre>
 *
 * <p>{@link Time#after} is the short form: a fresh timer whose channel is all the caller keeps. When the answer
 * wins, that timer is still pending until it fires; nobody will read it, and (since Go 1.23, and in go4j) it is
 * garbage once unreferenced. The long form, {@link Time#newTimer} with {@link Timer#stop()} on the way out (Go's
 * {@code defer timer.Stop()}), releases it at once; {@code stop()} returns true exactly when the timer had not
 * fired, which the lesson prints: true when the answer came first, false when the timeout did.
 *
 * <p>Each form calls a fast service, whose answer is ready at once, with a generous budget (a timeout bounds the
 * worst case; it is no forecast of the usual one), and a slow service, which is held back on a channel until
 * every call to it has timed out, with a budget of 50 ms. So the output is certain, not a race between a sleep
 * and a timer. At the end main releases the slow services: their late answers go into the answer channels'
 * one-slot buffers, where nobody reads them, and main joins the goroutines so that none outlives the lesson.
 *
 * {@snippet :
 * Optional<Integer> answer = TimeoutWithAfter.call(service, Duration.ofMillis(50));
 * }
 */
public final class TimeoutWithAfter {
    /** The fast service's budget: far more than it needs, so only a stalled machine could exceed it. */
    static final Duration PATIENT = Duration.ofSeconds(10);
    /** The slow service's budget: the lesson waits this long, twice. */
    static final Duration IMPATIENT = Duration.ofMillis(50);

    private TimeoutWithAfter() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, TimeoutWithAfter::run);
    }

    /** A service: work that eventually produces an answer. */
    @FunctionalInterface
    interface Service {
        /** Does the work; may block. */
        int answer();
    }

    /** Calls a fast and a slow service with each form, then lets the slow services finish late. */
    static void run() {
        var wg = new WaitGroup();
        Chan<Empty> now = Chan.make();
        now.close();                      // an open gate: the fast services answer at once
        Chan<Empty> later = Chan.make();  // the slow services' gate, opened at the end

        report("time.After", "fast service", call(service(42, now), PATIENT, wg), PATIENT);
        report("time.After", "slow service", call(service(43, later), IMPATIENT, wg), IMPATIENT);
        reportStopped("NewTimer", "fast service", callWithTimer(service(44, now), PATIENT, wg), PATIENT);
        reportStopped("NewTimer", "slow service", callWithTimer(service(45, later), IMPATIENT, wg), IMPATIENT);

        later.close(); // the slow services answer now, to nobody
        wg.await();    // and their goroutines return: each answer fit in its channel's buffer
        System.out.println("the slow services finished after their callers had given up");
    }

    /**
     * Go's idiom: runs {@code service} in a goroutine (counted by {@code wg}) and waits for its answer, but at most
     * {@code timeout}.
     *
     * @return the answer, or empty if the timeout came first
     */
    static Optional<Integer> call(Service service, Duration timeout, WaitGroup wg) {
        ReceiveChan<Integer> answer = start(service, wg);
        var result = new AtomicReference<Optional<Integer>>(); // select is a statement: its cases say what happened
        select(
                onReceive(answer, a -> result.set(Optional.of(a))),
                onReceive(Time.after(timeout), t -> result.set(Optional.empty())));
        return result.get();
    }

    /**
     * The answer of {@link #callWithTimer}, and whether stopping its timer on the way out found it still pending.
     *
     * @param answer the answer, or empty on timeout
     * @param timerStopped what {@link Timer#stop()} returned: true if the timer had not fired
     */
    record Timed(Optional<Integer> answer, boolean timerStopped) {
    }

    /** Like {@link #call}, with a timer of its own that it stops before returning, as Go's {@code defer t.Stop()}. */
    static Timed callWithTimer(Service service, Duration timeout, WaitGroup wg) {
        ReceiveChan<Integer> answer = start(service, wg);
        Timer timer = Time.newTimer(timeout);
        var result = new AtomicReference<Optional<Integer>>();
        boolean stillPending;
        try {
            select(
                    onReceive(answer, a -> result.set(Optional.of(a))),
                    onReceive(timer.c(), t -> result.set(Optional.empty())));
        } finally {
            stillPending = timer.stop(); // Go's defer timer.Stop()
        }
        return new Timed(result.get(), stillPending);
    }

    /** Starts {@code service} in a goroutine that puts its answer into a one-slot buffer, so it never waits. */
    private static ReceiveChan<Integer> start(Service service, WaitGroup wg) {
        Chan<Integer> answer = Chan.make(1);
        wg.go(() -> answer.send(service.answer()));
        return answer;
    }

    /** A service that answers {@code value} once {@code gate} is closed. */
    static Service service(int value, ReceiveChan<Empty> gate) {
        return () -> {
            gate.receive(); // the slow part
            return value;
        };
    }

    private static void report(String form, String who, Optional<Integer> answer, Duration budget) {
        System.out.println(form + ", " + who + ": " + answer.map(a -> "answered " + a)
                .orElse("no answer within " + budget.toMillis() + " ms"));
    }

    private static void reportStopped(String form, String who, Timed timed, Duration budget) {
        report(form, who, timed.answer(), budget);
        System.out.println(form + ", " + who + ": timer stopped before it fired: " + timed.timerStopped());
    }
}
