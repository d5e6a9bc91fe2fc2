package dev.go4j.programs;

import static dev.go4j.Go.go;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.Panic;

/** Small Go.main programs that JfrProgramTest runs in child JVMs, with and without a flight recording. */
final class JfrPrograms {
    private JfrPrograms() {
    }

    /** main panics. */
    static final class PanicInMain {
        public static void main(String[] args) {
            Go.main(args, () -> {
                throw new Panic("recorded boom");
            });
        }
    }

    /** main waits on a channel nobody will ever send on: Go's deadlock report. */
    static final class DeadlockInMain {
        public static void main(String[] args) {
            Go.main(args, () -> {
                Chan.make().named("never").receive();
            });
        }
    }

    /**
     * Says whether module jdk.jfr is there, then does what emits go4j's events (a goroutine blocks on a channel
     * and is woken, the channel is closed) and panics.
     */
    static final class ParkCloseAndPanic {
        public static void main(String[] args) {
            Go.main(args, () -> {
                System.out.println("jdk.jfr: " + ModuleLayer.boot().findModule("jdk.jfr").isPresent());
                Chan<String> ping = Chan.<String>make().named("ping");
                Chan<String> pong = Chan.<String>make().named("pong");
                go(() -> pong.send(ping.receive()));
                ping.send("ball");
                System.out.println("got " + pong.receive());
                ping.close();
                throw new Panic("done without jfr");
            });
        }
    }
}
