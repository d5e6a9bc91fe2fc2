package dev.go4j.bench;

import dev.go4j.Task;
import dev.go4j.sync.WaitGroup;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the parties of one benchmark invocation (ping and pong, producers and consumer, …) and waits until all
 * have finished, rethrowing the first failure. go4j's parties run as go4j goroutines, on whichever scheduler the
 * JVM gives go4j (see {@link OnScheduler}); everyone else's run as plain virtual threads, which are started from
 * JMH's platform thread and so run on the JDK's scheduler whatever go4j's is (a virtual thread started by a
 * goroutine would inherit go4j's scheduler, one started by a plain virtual thread the JDK's). Starting and
 * joining costs a few microseconds per invocation, under 1 % of any invocation in the suite.
 */
final class Parties {
    private Parties() {
    }

    /** Runs each body in its own go4j goroutine ({@link WaitGroup#go}) and waits for all of them. */
    static void goroutines(Task... bodies) {
        var failure = new AtomicReference<Throwable>();
        var wg = new WaitGroup();
        for (Task body : bodies) {
            wg.go(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
        }
        wg.await();
        rethrow(failure.get());
    }

    /** How a benchmark starts its parties: {@link #goroutines} or {@link #virtualThreads}. */
    @FunctionalInterface
    interface Runner {
        void run(Task... bodies);
    }

    /** One send of a producer, on whichever system's channel. */
    @FunctionalInterface
    interface Send {
        void send() throws Exception;
    }

    /**
     * The parties of the select rows: two producers perform {@code n / 2} sends each, {@code a} and {@code b},
     * while {@code consumer} runs as a third party; all started by {@code runner}.
     */
    static void fedByTwo(Runner runner, Send a, Send b, int n, Task consumer) {
        runner.run(
                () -> {
                    for (int i = 0; i < n / 2; i++) {
                        a.send();
                    }
                },
                () -> {
                    for (int i = 0; i < n / 2; i++) {
                        b.send();
                    }
                },
                consumer);
    }

    /**
     * Runs each body in its own plain virtual thread and joins them all; called from a platform thread, so that
     * the threads run on the JDK's scheduler.
     *
     * @throws IllegalStateException if called from a virtual thread (which may be a goroutine on go4j's carriers)
     */
    static void virtualThreads(Task... bodies) {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("plain virtual threads must be started from a platform thread, so that"
                    + " they run on the JDK's scheduler");
        }
        var failure = new AtomicReference<Throwable>();
        Thread[] threads = new Thread[bodies.length];
        for (int i = 0; i < bodies.length; i++) {
            Task body = bodies[i];
            threads[i] = Thread.ofVirtual().start(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                // JMH's timeout: give up (the parties may be stuck) and let JMH report the failure.
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the benchmark's parties", e);
            }
        }
        rethrow(failure.get());
    }

    private static void rethrow(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("a benchmark party failed", failure);
    }
}
