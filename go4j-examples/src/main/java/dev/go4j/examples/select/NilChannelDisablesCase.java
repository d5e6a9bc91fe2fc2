package dev.go4j.examples.select;

import static dev.go4j.Select.onReceiveOk;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.SendChan;
import dev.go4j.sync.WaitGroup;
import java.util.function.Consumer;

/**
 * Lesson: a nil channel switches a select case off. Merging channels until all of them are closed has a trap: a
 * closed channel is always ready (every receive returns at once, with {@code ok == false}), so once one input is
 * closed, its case would win round after round, and the loop would spin on it while the other input still has
 * values to give. Go's answer is the nil channel, on which no operation is ever ready: when an input is seen closed,
 * set its variable to nil, and its case never fires again. The loop runs while any input is not nil:
 *
 * <pre>{@code
 * for a != nil || b != nil {
 *     select {
 *     case v, ok := <-a:
 *         if !ok {
 *             a = nil // closed: never select it again
 *             continue
 *         }
 *         fmt.Println("a:", v)
 *     case v, ok := <-b:
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>go4j's nil channel is {@link Chan#nil()}, and a select case on it is never ready. A select body is a lambda,
 * which cannot assign the method's local variables, so the two inputs live in fields of a small {@link Merge}
 * object, and a case body sets its field to the nil channel. Because each close is seen exactly once, the select
 * runs exactly once per value plus once per input; the lesson counts its rounds to show that it never spins.
 *
 * <p>How the values of {@code a} and {@code b} interleave is up to the scheduler, so the lines are checked unordered;
 * each input's own values come in the order sent.
 *
 * {@snippet :
 * NilChannelDisablesCase.run(); // 1 3 5 from a, 2 4 from b, interleaved; then "merged 5 values in 7 rounds"
 * }
 */
public final class NilChannelDisablesCase {
    private NilChannelDisablesCase() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, NilChannelDisablesCase::run);
    }

    /** Merges two inputs that close at different times, printing each value and each close as it is seen. */
    static void run() {
        Chan<Integer> a = Chan.make();
        Chan<Integer> b = Chan.make();
        var wg = new WaitGroup();
        wg.go(() -> produce(a, 1, 3, 5));
        wg.go(() -> produce(b, 2, 4));

        var merge = new Merge(a, b);
        merge.run(System.out::println);
        wg.await();
        System.out.println("merged " + merge.values + " values in " + merge.rounds + " rounds: one per value, one"
                + " per close");
    }

    /** Sends {@code values} on {@code out}, then closes it. */
    static void produce(SendChan<Integer> out, int... values) {
        for (int v : values) {
            out.send(v);
        }
        out.close();
    }

    /** A merge of two inputs; a select body switches an input off by setting its field to the nil channel. */
    static final class Merge {
        /** Go's nil for a {@code chan int}: no case on it is ever ready. */
        private static final ReceiveChan<Integer> NIL = Chan.nil();

        /** The inputs; each set to {@link #NIL} by the select body that sees it closed. Used by one goroutine. */
        private ReceiveChan<Integer> a;
        private ReceiveChan<Integer> b;
        /** How many selects ran, and how many of them delivered a value. */
        int rounds;
        int values;

        Merge(ReceiveChan<Integer> a, ReceiveChan<Integer> b) {
            this.a = a;
            this.b = b;
        }

        /** Selects until both inputs are closed, reporting every value and every close to {@code out}. */
        void run(Consumer<String> out) {
            while (a != NIL || b != NIL) {
                rounds++;
                select(
                        onReceiveOk(a, r -> {
                            if (r.ok()) {
                                values++;
                                out.accept("a: " + r.value());
                            } else {
                                a = NIL; // closed: this case is off from now on
                                out.accept("a is closed");
                            }
                        }),
                        onReceiveOk(b, r -> {
                            if (r.ok()) {
                                values++;
                                out.accept("b: " + r.value());
                            } else {
                                b = NIL;
                                out.accept("b is closed");
                            }
                        }));
            }
        }
    }
}
