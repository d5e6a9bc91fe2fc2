package dev.go4j.programs;

import static dev.go4j.Go.go;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.sync.Mutex;

/** Small programs that embed Go.run, which GoRunProgramTest runs in child JVMs: the JVM outlives each program. */
final class RunPrograms {
    private RunPrograms() {
    }

    /** Prints the status of each program, then that of a second one, which starts from goroutine 1 again. */
    private static void runTwice(String[] args, dev.go4j.Task first) {
        System.out.println("status " + Go.run(args, first));
        System.out.println("status " + Go.run(args, () -> System.out.println("next program's main is goroutine "
                + Go.goroutines().getFirst().id() + " of " + Go.numGoroutine())));
    }

    /** Main and a second goroutine wait for each other: a deadlock. */
    static final class Deadlock {
        public static void main(String[] args) {
            runTwice(args, () -> {
                Chan<Empty> ping = Chan.make();
                Chan<Empty> pong = Chan.make();
                go(() -> {
                    ping.receive();
                    pong.send(Empty.VALUE);
                });
                pong.receive();
            });
        }
    }

    /** A goroutine panics while main waits. */
    static final class PanicInGoroutine {
        public static void main(String[] args) {
            runTwice(args, () -> {
                go(() -> {
                    throw new IllegalArgumentException("bad argument in goroutine");
                });
                Chan.<Empty>make().receive();
            });
        }
    }

    /** Main unlocks an unlocked mutex: a fatal error. */
    static final class Fatal {
        public static void main(String[] args) {
            runTwice(args, () -> new Mutex().unlock());
        }
    }

    /** Main calls Go.exit(3). */
    static final class Exit {
        public static void main(String[] args) {
            runTwice(args, () -> {
                System.out.println("before exit");
                Go.exit(3);
                System.out.println("after exit");
            });
        }
    }
}
