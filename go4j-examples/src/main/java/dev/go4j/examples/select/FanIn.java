package dev.go4j.examples.select;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.SendChan;
import dev.go4j.Select;
import dev.go4j.sync.WaitGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson: fan-in with {@code select}. Several producers each send on a channel of their own; one consumer merges
 * them by waiting on all the channels at once and taking whichever message is ready first. Go's {@code select}
 * blocks until one of its cases can proceed, performs exactly that one, and, when several are ready, picks one at
 * random, so no producer is starved by another that is always ready. In Go, for two inputs:
 *
 * <pre>{@code
 * for range total {
 *     select {
 *     case msg := <-alice:
 *         fmt.Println(msg)
 *     case msg := <-bob:
 *         fmt.Println(msg)
 *     }
 * }
 * }</pre>
 *
 * <p>In go4j the cases are values made by {@link Select#onReceive}, so a select over a number of channels known
 * only at run time is an array of cases, built once and reused for every round (a case is immutable). The consumer
 * knows how many messages to expect, so it runs that many rounds; {@link NilChannelDisablesCase} shows how to merge
 * until every input is closed instead.
 *
 * <p>Which producer's message comes next is up to the scheduler and to select's random choice, so the merged
 * output is checked as unordered lines. One order is certain: a channel delivers in the order sent, so each
 * producer's own messages stay in order in the merged stream. (The other classic fan-in starts one forwarding
 * goroutine per input, all sending into one shared channel; that keeps the same per-producer order.)
 *
 * {@snippet :
 * FanIn.run(); // the nine messages, interleaved in no fixed order
 * }
 */
public final class FanIn {
    /** The producers the tour starts. */
    static final List<String> PRODUCERS = List.of("alice", "bob", "carol");
    /** How many messages each producer sends. */
    static final int MESSAGES = 3;

    private FanIn() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, FanIn::run);
    }

    /** Merges the tour's producers and prints the messages in the order they arrived. */
    static void run() {
        for (String message : fanIn(PRODUCERS, MESSAGES)) {
            System.out.println(message);
        }
    }

    /**
     * Starts one producer per name, each sending {@code messages} messages, merges them with select, and returns
     * the messages in the order the consumer received them.
     */
    static List<String> fanIn(List<String> names, int messages) {
        var wg = new WaitGroup();
        var cases = new Select.Case[names.size()];
        List<String> merged = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Chan<String> ch = Chan.make();
            wg.go(() -> produce(name, messages, ch));
            cases[i] = onReceive(ch, merged::add); // the body runs in the consumer: no lock needed
        }

        int total = names.size() * messages;
        for (int round = 0; round < total; round++) {
            select(cases); // takes exactly one message, from whichever producer is ready
        }
        wg.await(); // every producer has returned: its last send was taken
        return merged;
    }

    /** Sends {@code count} numbered messages on {@code out}. */
    static void produce(String name, int count, SendChan<String> out) {
        for (int i = 1; i <= count; i++) {
            out.send(message(name, i));
        }
    }

    /** The message {@link #produce} sends as number {@code i}. */
    static String message(String name, int i) {
        return name + " says " + i;
    }
}
