package dev.go4j.examples.channels;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.SendChan;
import dev.go4j.sync.WaitGroup;

/**
 * Lesson: an unbuffered channel hands a value from one goroutine to another, and with it the right to touch it.
 * Two players bat a {@link Ball} back and forth; each hit adds one to the ball's counter. The ball is a plain
 * mutable object with no lock and no volatile field, and that is safe: only the player holding it writes to it, and
 * a send happens-before the receive that takes the value, so whoever receives the ball sees every hit made before.
 * "Do not communicate by sharing memory; share memory by communicating."
 *
 * <p>Each player has its own channel, its side of the table: ping receives on {@code toPing} and hits to
 * {@code toPong}, and the other way round. (With one shared table channel, which player takes the first serve
 * would be up to the scheduler; with two, the order of the hits is fixed, and so is the output.) An unbuffered
 * channel has no room to hold the ball: a send completes only when the other player takes it, so exactly one
 * player holds it at any moment.
 *
 * <p>The rally ends when the ball reaches its last hit: the player who made it keeps the ball and closes its
 * outgoing channel, which ends the other player's {@code for (Ball ball : in)} loop; that player closes its own
 * outgoing channel in turn (a close with no receiver left is fine). Both goroutines have then returned, and main,
 * which joined them with a WaitGroup, reads the ball's final count. In Go:
 *
 * <pre>{@code
 * func player(name string, in <-chan *Ball, out chan<- *Ball, last int) {
 *     defer close(out)
 *     for ball := range in {
 *         ball.hits++
 *         fmt.Println(name, ball.hits)
 *         if ball.hits == last {
 *             return
 *         }
 *         out <- ball
 *     }
 * }
 * }</pre>
 *
 * {@snippet :
 * PingPong.run(10); // ping 1, pong 2, ..., pong 10, then the final count
 * }
 */
public final class PingPong {
    /** How many hits the tour's rally lasts. */
    static final int HITS = 10;

    private PingPong() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> run(HITS));
    }

    /** The thing the players pass: a counter that only its current holder touches. */
    static final class Ball {
        /** Written by whichever player holds the ball; the channel hand-off publishes it. */
        int hits;
    }

    /** Serves a ball to ping, lets the players rally for {@code hits} hits, then prints the ball's count. */
    static void run(int hits) {
        Chan<Ball> toPing = Chan.make();
        Chan<Ball> toPong = Chan.make();
        var wg = new WaitGroup();
        wg.go(() -> player("ping", toPing, toPong, hits));
        wg.go(() -> player("pong", toPong, toPing, hits));

        Ball ball = new Ball();
        toPing.send(ball); // the serve
        wg.await();        // both players have left the table
        System.out.println("rally over: the ball was hit " + ball.hits + " times");
    }

    /**
     * Receives the ball on {@code in}, hits it, and sends it back on {@code out}, until the ball reaches
     * {@code last} hits or {@code in} is closed; then closes {@code out}.
     */
    static void player(String name, ReceiveChan<Ball> in, SendChan<Ball> out, int last) {
        try {
            for (Ball ball : in) {
                ball.hits++;
                System.out.println(name + " " + ball.hits);
                if (ball.hits == last) {
                    return; // keep the ball: the rally is over
                }
                out.send(ball);
            }
        } finally {
            out.close(); // Go's defer close(out): the other player stops waiting
        }
    }
}
