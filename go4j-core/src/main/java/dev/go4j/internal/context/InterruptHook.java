package dev.go4j.internal.context;

/**
 * The action of interruptOnDone: interrupts the caller's thread. The caller, once it knows the action was claimed,
 * waits until the interrupt has been delivered before clearing it, so that none arrives later.
 */
final class InterruptHook implements Runnable {
    private final Thread thread;
    /** Set after the interrupt was delivered. */
    private volatile boolean delivered;

    InterruptHook(Thread thread) {
        this.thread = thread;
    }

    @Override
    public void run() {
        thread.interrupt();
        delivered = true;
    }

    /** Waits, briefly, for a claimed hook to finish: the canceller runs it right after marking the subtree. */
    void awaitDelivered() {
        for (int spins = 0; !delivered; spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }
}
