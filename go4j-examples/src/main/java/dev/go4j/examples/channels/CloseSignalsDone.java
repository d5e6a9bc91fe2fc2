package dev.go4j.examples.channels;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.Received;
import dev.go4j.sync.WaitGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lesson: closing a channel is a broadcast. A value sent on a channel goes to exactly one receiver; a close reaches
 * all of them, those waiting now and those that come later, because a receive from a closed channel never waits.
 * That is why Go signals "stop" or "go" to many goroutines by closing a {@code chan struct{}} (go4j's
 * {@code Chan<Empty>}) that carries no values at all, as {@code context.Context.Done()} does:
 *
 * <pre>{@code
 * done := make(chan struct{})
 * for range 5 {
 *     go func() {
 *         <-done // waits until done is closed
 *         ...
 *     }()
 * }
 * close(done) // every one of them wakes
 * }</pre>
 *
 * <p>Here five waiters block on {@code done.receiveOk()}. Main first sends one value: exactly one waiter (which one,
 * the scheduler decides) takes it, with {@code ok == true}, and the other four keep waiting. Then main closes
 * {@code done}, and all four wake at once with {@code ok == false} and the zero value. Each waiter reports to main
 * over a buffered channel; main waits for all of them with a WaitGroup, then prints the reports sorted, so the
 * output does not depend on who woke first. The tally, one value and four closes, is the same on every run. A
 * receive after the close returns at once, too: a closed channel stays "ready" forever.
 *
 * <p>Only a sender should close, and only once: a second {@code close} panics with {@code close of closed channel},
 * and a send after it with {@code send on closed channel}. A signal channel is closed by the one goroutine that
 * decides the event has happened.
 *
 * {@snippet :
 * Chan<Empty> done = Chan.make();
 * // ... goroutines call done.receive()
 * done.close(); // wakes every one of them
 * }
 */
public final class CloseSignalsDone {
    /** How many goroutines wait in the tour. */
    static final int WAITERS = 5;

    private CloseSignalsDone() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> run(WAITERS));
    }

    /**
     * What one waiter reports when it wakes.
     *
     * @param waiter the waiter's number
     * @param gotValue true if it received the value main sent, false if it woke because {@code done} was closed
     */
    record Wake(int waiter, boolean gotValue) {
    }

    /** Starts {@code waiters} waiters on one channel, wakes one with a send and the rest with a close. */
    static void run(int waiters) {
        Chan<Empty> done = Chan.make();
        Chan<Wake> reports = Chan.make(waiters); // room for every report: no waiter blocks on its way out
        var wg = new WaitGroup();
        for (int i = 1; i <= waiters; i++) {
            int waiter = i;
            wg.go(() -> {
                Received<Empty> r = done.receiveOk();
                reports.send(new Wake(waiter, r.ok()));
            });
        }

        done.send(Empty.VALUE); // one value: one waiter takes it
        done.close();           // the close: every other waiter wakes
        wg.await();
        reports.close();

        List<Wake> wakes = new ArrayList<>();
        for (Wake w : reports) {
            wakes.add(w);
        }
        wakes.sort(Comparator.comparingInt(Wake::waiter));
        for (Wake w : wakes) {
            System.out.println("waiter " + w.waiter() + " woke");
        }
        long values = wakes.stream().filter(Wake::gotValue).count();
        System.out.println("woken by the one value sent: " + values + " waiter");
        System.out.println("woken by the close: " + (wakes.size() - values) + " waiters");

        Received<Empty> late = done.receiveOk(); // does not wait: done is closed
        System.out.println("a receive after the close returns at once: value " + late.value() + ", ok "
                + late.ok());
    }
}
