package dev.go4j.examples.channels;

import dev.go4j.testing.Output;

class CloseSignalsDoneTest {
    /** Which waiter takes the value varies; the tally and the sorted reports do not. */
    @Output("""
            waiter 1 woke
            waiter 2 woke
            waiter 3 woke
            waiter 4 woke
            waiter 5 woke
            woken by the one value sent: 1 waiter
            woken by the close: 4 waiters
            a receive after the close returns at once: value null, ok false
            """)
    void oneSendWakesOneAndCloseWakesTheRest() {
        CloseSignalsDone.run(CloseSignalsDone.WAITERS);
    }

    @Output("""
            waiter 1 woke
            woken by the one value sent: 1 waiter
            woken by the close: 0 waiters
            a receive after the close returns at once: value null, ok false
            """)
    void withOneWaiterTheCloseWakesNobody() {
        CloseSignalsDone.run(1);
    }
}
