package dev.go4j.singleflight;

import static dev.go4j.Go.go;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.Panic;

/**
 * Go.main programs whose singleflight call panics, run by {@link GroupTest} in child JVMs: a line on stdout that
 * contains "unexpectedly" means a caller ran on after the panic, which Go never allows.
 */
final class PanicPrograms {
    private PanicPrograms() {
    }

    /** A doChan call panics; main waits on its channel (Go's TestPanicDoChan). */
    static final class DoChanPanics {
        public static void main(String[] args) {
            Go.main(args, () -> {
                var group = new Group<String, String>();
                var results = group.doChan("", () -> {
                    throw new Panic("Panicking in DoChan");
                });
                try {
                    Result<String> result = results.receive();
                    System.out.println("DoChan unexpectedly returned: " + result);
                } catch (Throwable recovered) {
                    System.out.println("DoChan unexpectedly threw: " + recovered);
                }
            });
        }
    }

    /**
     * A doCall whose function panics is joined by a doChan caller; the doCall caller catches everything, which
     * must not save the program (Go's TestPanicDoSharedByDoChan).
     */
    static final class DoCallSharedByDoChanPanics {
        public static void main(String[] args) {
            Go.main(args, () -> {
                var group = new Group<String, String>();
                Chan<Empty> blocked = Chan.make();
                Chan<Empty> unblock = Chan.make();
                go(() -> {
                    try {
                        group.doCall("", () -> {
                            blocked.close();
                            unblock.receive();
                            throw new Panic("Panicking in Do");
                        });
                    } catch (Throwable recovered) {
                        System.out.println("Do caller recovered: " + recovered.getMessage());
                    }
                });
                blocked.receive();
                var results = group.doChan("", () -> {
                    throw new Panic("DoChan unexpectedly executed callback");
                });
                unblock.close();
                Result<String> result = results.receive();
                System.out.println("DoChan unexpectedly returned: " + result.error());
            });
        }
    }

    /**
     * A doCall panics with no doChan caller sharing it: the panic reaches its caller, who may recover, as Go's
     * plain {@code panic(e)} in that case.
     */
    static final class DoCallPanicIsRecoverable {
        public static void main(String[] args) {
            Go.main(args, () -> {
                var group = new Group<String, String>();
                try {
                    group.doCall("", () -> {
                        throw new Panic("Panicking in Do");
                    });
                    System.out.println("Do returned");
                } catch (Panic recovered) {
                    System.out.println("recovered: " + recovered.getMessage());
                }
            });
        }
    }
}
