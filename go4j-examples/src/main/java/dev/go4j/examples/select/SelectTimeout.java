package dev.go4j.examples.select;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.sync.WaitGroup;
import dev.go4j.time.Time;
import java.time.Duration;

/**
 * Lesson: a select with a timeout. A timer is just another channel: {@link Time#after(Duration)} returns a
 * channel that delivers one value once the duration has elapsed, so "wait for an answer, but not for ever" is a
 * select with one more case, whichever comes first wins:
 *
 * <pre>{@code
 * select {
 * case a := <-answer:
 *     fmt.Println("answered", a)
 * case <-time.After(100 * time.Millisecond):
 *     fmt.Println("no answer in time")
 * }
 * }</pre>
 *
 * <p>go4j also has a shortcut for exactly this shape: {@link dev.go4j.Select#select(Duration, dev.go4j.Select.Case...)}
 * waits at most that long and returns false if no case was ready in time. The lesson shows both forms. Each asks two
 * servers: a fast one, whose answer is ready at once, and a slow one, which is held back until both questions to
 * it have timed out, so the output is certain rather than a race between a sleep and a timer. The fast server gets
 * a generous budget (a timeout bounds the worst case, it does not forecast the usual one), and answers in
 * microseconds; the slow one gets 100 ms, and the lesson waits that long, twice.
 *
 * <p>The classic leak: a server that answers after its caller has given up. If the answer channel were
 * unbuffered, its send would wait for a receiver that is gone, for ever. Each answer channel here has a buffer of
 * one, so a late server can always put its answer down and return; main shows the two late answers sitting in
 * their buffers once every server has finished.
 *
 * {@snippet :
 * select(
 *     onReceive(answer, a -> System.out.println("answered " + a)),
 *     onReceive(Time.after(Duration.ofMillis(100)), t -> System.out.println("no answer in time")));
 * }
 */
public final class SelectTimeout {
    /** How long the slow server is given. */
    static final Duration IMPATIENT = Duration.ofMillis(100);
    /** How long the fast server is given: far more than it needs, so only a stalled machine could exceed it. */
    static final Duration PATIENT = Duration.ofSeconds(10);

    private SelectTimeout() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, SelectTimeout::run);
    }

    /** Asks a fast and a slow server in each form, then lets the slow servers answer late. */
    static void run() {
        var wg = new WaitGroup();
        Chan<Empty> now = Chan.make();
        now.close();                        // an open gate: the fast servers answer at once
        Chan<Empty> later = Chan.make();    // the slow servers' gate, opened at the end

        askWithTimer("fast server", server(42, now, wg), PATIENT);
        ReceiveChan<Integer> slow1 = server(43, later, wg);
        askWithTimer("slow server", slow1, IMPATIENT);

        askWithTimeout("fast server", server(44, now, wg), PATIENT);
        ReceiveChan<Integer> slow2 = server(45, later, wg);
        askWithTimeout("slow server", slow2, IMPATIENT);

        later.close(); // now the slow servers answer, to nobody
        wg.await();    // and return: each had room in its buffer
        System.out.println("late answers left in the buffers: " + (slow1.len() + slow2.len()));
    }

    /** Go's idiom: the timer is a channel, and a case of its own. */
    static void askWithTimer(String who, ReceiveChan<Integer> answer, Duration budget) {
        select(
                onReceive(answer, a -> System.out.println("time.After: " + who + " answered " + a)),
                onReceive(Time.after(budget), t -> System.out.println("time.After: " + who
                        + " gave no answer within " + budget.toMillis() + " ms")));
    }

    /** go4j's shortcut: a select that gives up after {@code budget} and says so by returning false. */
    static void askWithTimeout(String who, ReceiveChan<Integer> answer, Duration budget) {
        boolean answered = select(budget,
                onReceive(answer, a -> System.out.println("select(timeout): " + who + " answered " + a)));
        if (!answered) {
            System.out.println("select(timeout): " + who + " gave no answer within " + budget.toMillis() + " ms");
        }
    }

    /**
     * Starts a server that answers {@code answer} once {@code gate} is closed, on a channel with room for that one
     * answer, so that it never waits for a receiver.
     */
    static ReceiveChan<Integer> server(int answer, ReceiveChan<Empty> gate, WaitGroup wg) {
        Chan<Integer> out = Chan.make(1);
        wg.go(() -> {
            gate.receive(); // the slow part
            out.send(answer);
        });
        return out;
    }
}
