package dev.go4j.snippets;

import dev.go4j.Chan;
import dev.go4j.FatalError;
import dev.go4j.Go;
import dev.go4j.Interrupted;
import dev.go4j.Panic;
import dev.go4j.PanicPolicy;
import dev.go4j.RuntimeError;
import dev.go4j.sync.Mutex;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Output;

/** The examples of go4j's failure model: {@code Panic}, {@code RuntimeError}, {@code FatalError}, … */
class ErrorSnippets {
    @Output("sync: negative WaitGroup counter")
    void panic() {
        var wg = new WaitGroup();
        // @start region="panic"
        try {
            wg.add(-1);
        } catch (Panic p) {
            System.out.println(p.getMessage()); // sync: negative WaitGroup counter
        }
        // @end
    }

    @Output("close of closed channel")
    void runtimeError() {
        Chan<String> ch = Chan.make();
        // @start region="runtime-error"
        try {
            ch.close();
            ch.close();
        } catch (RuntimeError e) {
            System.out.println(e.getMessage()); // close of closed channel
        }
        // @end
    }

    /** Outside {@code Go.main} (library mode) the fatal error is thrown, so the example can see its text. */
    @Output("sync: unlock of unlocked mutex")
    void fatalError() {
        var mu = new Mutex();
        try {
            // @start region="fatal-error"
            mu.unlock(); // never locked: fatal error: sync: unlock of unlocked mutex
            // @end
        } catch (FatalError e) {
            System.out.println(e.getMessage());
        }
    }

    /** The counter never reaches zero, so only the interrupt can end the wait. */
    @Output("interrupt status still set: true")
    void interrupted() {
        var wg = new WaitGroup();
        wg.add(1);
        Thread.currentThread().interrupt();
        // @start region="interrupted"
        try {
            wg.await();
        } catch (Interrupted e) {
            assert Thread.currentThread().isInterrupted();
        }
        // @end
        System.out.println("interrupt status still set: " + Thread.interrupted()); // and now cleared
    }

    @Output("UNCAUGHT_EXCEPTION_HANDLER")
    void panicPolicy() {
        try {
            // @start region="panic-policy"
            Go.setPanicPolicy(PanicPolicy.UNCAUGHT_EXCEPTION_HANDLER);
            // @end
            System.out.println(Go.panicPolicy());
        } finally {
            Go.setPanicPolicy(null); // the default again
        }
    }
}
