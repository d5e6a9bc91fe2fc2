package dev.go4j.programs;

import static dev.go4j.Go.go;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.Result;
import dev.go4j.Select;
import dev.go4j.Task;
import dev.go4j.context.Context;
import dev.go4j.os.signal.Signal;
import dev.go4j.sync.Mutex;
import dev.go4j.sync.WaitGroup;
import dev.go4j.time.Time;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Go.main programs for DeadlockReportTest, run in child JVMs: the first group deadlocks, the second only looks
 * asleep to a careless detector and must end normally.
 */
final class DeadlockPrograms {
    /** How long the programs of the second group stay "asleep": several detector rounds. */
    static final Duration QUIET = Duration.ofMillis(1500);

    private DeadlockPrograms() {
    }

    private static void run(String[] args, Task body) {
        Go.main(args, body);
    }

    // ---- Deadlocked programs: each must be reported. ----

    /** main receives from a channel nobody sends on. */
    static final class Receive {
        public static void main(String[] args) {
            run(args, () -> Chan.make().receive());
        }
    }

    /** main sends on an unbuffered channel nobody receives from: Go's first experiment. */
    static final class Send {
        public static void main(String[] args) {
            run(args, () -> Chan.<Integer>make().send(1));
        }
    }

    /** main receives from the nil channel. */
    static final class NilChannel {
        public static void main(String[] args) {
            run(args, () -> Chan.nil().receive());
        }
    }

    /** main runs a select without cases. */
    static final class EmptySelect {
        public static void main(String[] args) {
            run(args, Select::select);
        }
    }

    /** main waits for a WaitGroup nobody counts down. */
    static final class WaitGroupWait {
        public static void main(String[] args) {
            run(args, () -> {
                var wg = new WaitGroup();
                wg.add(1);
                wg.await();
            });
        }
    }

    /** main locks a Mutex it holds. */
    static final class MutexRelock {
        public static void main(String[] args) {
            run(args, () -> {
                var mu = new Mutex();
                mu.lock();
                mu.lock();
            });
        }
    }

    /**
     * Several goroutines: two workers wait for each other's channels (each sends first) and main waits for them;
     * the channels are named for the dump.
     */
    static final class AmongGoroutines {
        public static void main(String[] args) {
            run(args, () -> {
                Chan<Integer> ping = Chan.<Integer>make().named("ping");
                Chan<Integer> pong = Chan.<Integer>make().named("pong");
                var wg = new WaitGroup();
                wg.go(() -> {
                    ping.send(1);
                    pong.receive();
                });
                wg.go(() -> {
                    pong.send(2);
                    ping.receive();
                });
                wg.await();
            });
        }
    }

    /** An unobserved hour-long timer does not keep a blocked main alive (Go 1.23). */
    static final class UnobservedTimer {
        public static void main(String[] args) {
            run(args, () -> {
                Time.newTimer(Duration.ofHours(1));
                Chan.make().receive();
            });
        }
    }

    /** A context deadline keeps main alive until it passes; then main blocks for good. */
    static final class AfterContextDeadline {
        public static void main(String[] args) {
            run(args, () -> {
                try (var ctx = Context.withTimeout(Context.background(), QUIET)) {
                    ctx.done().receive();
                    System.out.println("deadline passed: " + ctx.err().getMessage());
                }
                Chan.make().receive();
            });
        }
    }

    // ---- Programs that only look asleep: none may be reported. Each prints "done" and returns. ----

    private static void done() {
        System.out.println("done");
    }

    /** A goroutine sleeps, then sends to the blocked main. */
    static final class Sleeper {
        public static void main(String[] args) {
            run(args, () -> {
                Chan<Empty> woke = Chan.make();
                go(() -> {
                    Go.sleep(QUIET);
                    woke.send(Empty.VALUE);
                });
                woke.receive();
                done();
            });
        }
    }

    /** main waits in a select whose other case is a timeout. */
    static final class SelectWithTimeout {
        public static void main(String[] args) {
            run(args, () -> {
                Select.select(
                        Select.onReceive(Chan.make(), v -> System.out.println("impossible")),
                        Select.onReceive(Time.after(QUIET), t -> done()));
            });
        }
    }

    /** A goroutine waits for a CompletableFuture that a platform timer thread completes later. */
    static final class Future {
        public static void main(String[] args) {
            run(args, () -> {
                var future = new CompletableFuture<String>();
                CompletableFuture.delayedExecutor(QUIET.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(() -> future.complete("completed"));
                System.out.println(future.get());
                done();
            });
        }
    }

    /** main waits for a Chan.fromStage channel of a stage a platform thread completes later. */
    static final class FromStage {
        public static void main(String[] args) {
            run(args, () -> {
                var future = new CompletableFuture<String>();
                CompletableFuture.delayedExecutor(QUIET.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(() -> future.complete("completed"));
                Result<String> result = Chan.fromStage(future).receive();
                System.out.println(result);
                done();
            });
        }
    }

    /** A goroutine reads a socket whose other end writes after a pause; main waits for what it read. */
    static final class SocketRead {
        public static void main(String[] args) {
            run(args, () -> {
                try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    Chan<Integer> read = Chan.make();
                    go(() -> {
                        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                                InputStream in = client.getInputStream()) {
                            read.send(in.read());
                        }
                    });
                    try (Socket accepted = server.accept(); OutputStream out = accepted.getOutputStream()) {
                        Chan<Integer> never = Chan.make();
                        Select.select(Select.onReceive(never, v -> { }), Select.onReceive(Time.after(QUIET), t -> { }));
                        out.write(42);
                        out.flush();
                        System.out.println("read " + read.receive());
                    }
                }
                done();
            });
        }
    }

    /**
     * main waits for a channel that a platform thread of the program sends on once the test writes a line to
     * standard input.
     */
    static final class PlatformThreadWakes {
        public static void main(String[] args) {
            run(args, () -> {
                Chan<String> line = Chan.make();
                Thread reader = new Thread(() -> {
                    try {
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
                        line.send(in.readLine());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                reader.start();
                System.out.println("got " + line.receive());
                done();
            });
        }
    }

    /** main waits for a channel that a virtual thread it started itself sends on after a pause. */
    static final class ForeignVirtualThread {
        public static void main(String[] args) {
            run(args, () -> {
                Chan<String> from = Chan.make();
                Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(QUIET);
                    } catch (InterruptedException e) {
                        return;
                    }
                    from.send("virtual thread");
                });
                System.out.println("from " + from.receive());
                done();
            });
        }
    }

    /** A virtual thread main started parks on a go4j channel main will send on after a pause. */
    static final class ForeignVirtualThreadParkedInGo4j {
        public static void main(String[] args) {
            run(args, () -> {
                Chan<String> to = Chan.make();
                Chan<Empty> finished = Chan.make();
                Thread.ofVirtual().start(() -> {
                    System.out.println("virtual thread got " + to.receive());
                    finished.send(Empty.VALUE);
                });
                Go.sleep(QUIET);
                to.send("hello");
                finished.receive();
                done();
            });
        }
    }

    /** The Java idiom for Ctrl-C: a shutdown hook closes the channel main waits on. */
    static final class ShutdownHookCloses {
        public static void main(String[] args) {
            run(args, () -> {
                Chan<Empty> stop = Chan.make();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stop.close();
                    System.out.println("hook closed the channel");
                }));
                stop.receive();
                System.out.println("main saw the close");
            });
        }
    }

    /** Go's idiom: Signal.notify and a receive; the test sends SIGTERM. */
    static final class SignalNotify {
        public static void main(String[] args) {
            run(args, () -> {
                Chan<String> signals = Chan.make(1);
                Signal.notify(signals, "TERM");
                System.out.println("got " + signals.receive());
                done();
            });
        }
    }

    /** Prints which scheduler runs and whether the detector's thread exists. */
    static final class DetectorPresence {
        public static void main(String[] args) {
            run(args, () -> {
                boolean detector = Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().equals("go4j-deadlock"));
                System.out.println("scheduler " + Go.scheduler() + ", detector " + detector);
            });
        }
    }
}
