package dev.go4j.examples.channels;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.onSend;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.SendChan;
import dev.go4j.sync.WaitGroup;
import java.util.StringJoiner;

/**
 * Lesson: a pipeline of goroutines joined by channels, the concurrent prime sieve. A generator sends 2, 3, 4, … down
 * a channel. Main receives the first number, which is prime, and puts a filter goroutine after the generator that
 * drops that prime's multiples; the next number out of the filter is the next prime, which gets a filter of its own,
 * and so on. After {@code n} primes the pipeline is a generator and {@code n} filters, each a goroutine connected
 * to the next by an unbuffered channel, all working at once on different numbers:
 *
 * <pre>
 * generate -&gt; filter(2) -&gt; filter(3) -&gt; filter(5) -&gt; … -&gt; main
 * </pre>
 *
 * <p>Stopping the pipeline. The classic version simply stops receiving after the last prime it wants and returns
 * from main; the generator and every filter are then blocked forever on a send nobody will take. In a program that
 * ends right away that costs nothing, but in a long-running one each run would leak a hundred goroutines. Here each
 * stage also watches a {@code done} channel: every send is a select between the send and a receive from
 * {@code done}, so when main closes {@code done} (a close wakes every receiver at once, see
 * {@link CloseSignalsDone}), whichever stage is blocked in a send gives up and returns. On the way out each stage
 * closes its output channel (Go's {@code defer close(out)}), which ends the {@code for} loop of the filter reading
 * from it. Main joins all stages with a WaitGroup, so when {@link #run(int)} returns, none is left. In Go:
 *
 * <pre>{@code
 * func filter(in <-chan int, out chan<- int, prime int, done <-chan struct{}) {
 *     defer close(out)
 *     for n := range in {
 *         if n%prime != 0 {
 *             select {
 *             case out <- n:
 *             case <-done:
 *                 return
 *             }
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Only main prints. The sieve is a lesson in structure, not speed: every number passes through up to a hundred
 * hand-offs between goroutines.
 *
 * {@snippet :
 * PrimeSieve.run(100); // 2 3 5 7 11 ... 541, ten per line
 * }
 */
public final class PrimeSieve {
    /** How many primes the tour prints. */
    static final int PRIMES = 100;
    /** How many primes go on one line. */
    static final int PER_LINE = 10;

    private PrimeSieve() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> run(PRIMES));
    }

    /** Prints the first {@code count} primes, {@value #PER_LINE} to a line, then stops the whole pipeline. */
    static void run(int count) {
        Chan<Empty> done = Chan.make();
        var wg = new WaitGroup();
        Chan<Integer> first = Chan.make();
        wg.go(() -> generate(first, done));

        ReceiveChan<Integer> numbers = first; // the output of the last stage so far
        var line = new StringJoiner(" ");
        for (int i = 1; i <= count; i++) {
            int prime = numbers.receive();
            line.add(Integer.toString(prime));
            if (i % PER_LINE == 0 || i == count) {
                System.out.println(line);
                line = new StringJoiner(" ");
            }
            ReceiveChan<Integer> in = numbers;
            Chan<Integer> out = Chan.make();
            wg.go(() -> filter(in, out, prime, done));
            numbers = out;
        }

        done.close(); // every stage blocked in a send gives up
        wg.await();   // and returns: no goroutine is left behind
    }

    /** Sends 2, 3, 4, … on {@code out} until {@code done} is closed. */
    static void generate(SendChan<Integer> out, ReceiveChan<Empty> done) {
        try {
            for (int n = 2; send(out, n, done); n++) {
                // every number is sent in the loop condition
            }
        } finally {
            out.close();
        }
    }

    /** Copies the numbers from {@code in} to {@code out}, dropping multiples of {@code prime}. */
    static void filter(ReceiveChan<Integer> in, SendChan<Integer> out, int prime, ReceiveChan<Empty> done) {
        try {
            for (int n : in) {
                if (n % prime != 0 && !send(out, n, done)) {
                    return;
                }
            }
        } finally {
            out.close();
        }
    }

    /**
     * Sends {@code n} on {@code out} unless {@code done} is closed first.
     *
     * @return true if sent, false if {@code done} was closed
     */
    static boolean send(SendChan<Integer> out, int n, ReceiveChan<Empty> done) {
        // A select body is a lambda, which cannot assign a local variable: it records the choice in an array.
        boolean[] sent = {false};
        select(
                onSend(out, n, () -> sent[0] = true),
                onReceive(done, signal -> { }));
        return sent[0];
    }
}
