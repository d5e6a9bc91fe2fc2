package dev.go4j.examples.channels;

import dev.go4j.testing.Output;

class PingPongTest {
    /** The hits alternate strictly: each player waits for the ball before it can hit. */
    @Output("""
            ping 1
            pong 2
            ping 3
            pong 4
            ping 5
            pong 6
            ping 7
            pong 8
            ping 9
            pong 10
            rally over: the ball was hit 10 times
            """)
    void thePlayersTakeTurns() {
        PingPong.run(PingPong.HITS);
    }

    /** With an odd number of hits, ping makes the last one, closes its side, and pong's loop ends. */
    @Output("""
            ping 1
            pong 2
            ping 3
            rally over: the ball was hit 3 times
            """)
    void eitherPlayerCanEndTheRally() {
        PingPong.run(3);
    }
}
