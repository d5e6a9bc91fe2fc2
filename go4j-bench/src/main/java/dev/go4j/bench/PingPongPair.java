package dev.go4j.bench;

import dev.go4j.Chan;
import dev.go4j.sync.WaitGroup;

/**
 * Two goroutines that play ping-pong on unbuffered channels until stopped, which keeps one carrier busy: the
 * background of {@link Latency}'s {@code timer-busy} metric, and the running program that {@link DumpLatency}
 * watches during a dump. Given {@link RoundTrips}, the pinger times every round trip (send the ball, receive it
 * back) and records it there.
 */
final class PingPongPair {
    private static final Object BALL = new Object();

    private final Chan<Object> ping = Chan.make();
    private final Chan<Object> pong = Chan.make();
    private final WaitGroup wg = new WaitGroup();
    /** Set by {@link #stop()}, read by the pinger once per round trip. */
    private volatile boolean stopping;

    /** Starts the pair; {@code trips} is where the pinger records its round trips, or null for none. */
    PingPongPair(RoundTrips trips) {
        wg.go(() -> {
            while (!stopping) {
                long start = trips == null ? 0 : System.nanoTime();
                ping.send(BALL);
                pong.receive();
                if (trips != null) {
                    trips.record(start, System.nanoTime());
                }
            }
            ping.close();
        });
        wg.go(() -> {
            for (Object ball : ping) {
                pong.send(ball);
            }
        });
    }

    /** Stops both goroutines and waits until they have ended; their recordings happen-before this returns. */
    void stop() {
        stopping = true;
        wg.await();
    }
}
