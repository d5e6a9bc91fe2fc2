package dev.go4j.programs;

import static dev.go4j.Go.go;

import dev.go4j.FatalError;
import dev.go4j.Go;
import dev.go4j.Panic;
import dev.go4j.WaitReason;
import dev.go4j.internal.runtime.Program;
import dev.go4j.runtime.Waits;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Small Go.main programs that ProgramTest runs in child JVMs, one per exit rule. */
final class Programs {
    private Programs() {
    }

    /** main returns while one goroutine sleeps for an hour and another spins without ever blocking. */
    static final class MainReturnsWhileOthersRun {
        public static void main(String[] args) {
            Go.main(args, () -> {
                CountDownLatch started = new CountDownLatch(2);
                go(() -> {
                    started.countDown();
                    Go.sleep(Duration.ofHours(1));
                    System.out.println("sleeper woke up");
                });
                go(() -> {
                    started.countDown();
                    long spins = 0;
                    while (spins >= 0) {
                        spins++;
                    }
                    System.out.println("spinner stopped");
                });
                started.await();
                System.out.println("main done");
            });
        }
    }

    /** Go.exit(3) ends the program at once: nothing after it runs, no finally block. */
    static final class ExitThree {
        public static void main(String[] args) {
            Go.main(args, () -> {
                try {
                    System.out.println("before exit");
                    Go.exit(3);
                    System.out.println("after exit");
                } finally {
                    System.out.println("finally ran");
                }
            });
        }
    }

    /** An exception escaping main's body. */
    static final class PanicInMain {
        public static void main(String[] args) {
            Go.main(args, () -> {
                System.out.println("working");
                throw new Panic("something bad happened", new IllegalStateException("the cause"));
            });
        }
    }

    /** A non-go4j exception escaping another goroutine while main waits. */
    static final class PanicInGoroutine {
        public static void main(String[] args) {
            Go.main(args, () -> {
                Thread main = Thread.currentThread();
                go(() -> {
                    // Panic once main sleeps, so that a traceback of every goroutine shows it [sleep], never runnable.
                    Waits.awaitBlocked(main, WaitReason.SLEEP, Duration.ofMinutes(1));
                    throw new IllegalArgumentException("bad argument in goroutine");
                });
                Go.sleep(Duration.ofHours(1));
                System.out.println("main woke up");
            });
        }
    }

    /** A fatal error raised where it happens: no finally block may run. */
    static final class FatalAtRaise {
        public static void main(String[] args) {
            Go.main(args, () -> {
                try {
                    throw Program.fatal("sync: unlock of unlocked mutex");
                } finally {
                    System.out.println("finally ran");
                }
            });
        }
    }

    /** A FatalError thrown by user code and escaping a goroutine. */
    static final class FatalEscapes {
        public static void main(String[] args) {
            Go.main(args, () -> {
                throw new FatalError("all goroutines are asleep - deadlock!");
            });
        }
    }
}
