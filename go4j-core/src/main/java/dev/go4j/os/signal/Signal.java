package dev.go4j.os.signal;

import dev.go4j.SendChan;
import dev.go4j.internal.park.Quiescence;
import dev.go4j.internal.park.RuntimeLock;
import dev.go4j.internal.sched.JdkAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Relays operating-system signals to channels, Go's {@code signal.Notify} and {@code signal.Stop}.
 *
 * {@snippet file="SignalSnippets.java" region="notify"}
 *
 * <p>While at least one channel is registered for a signal, that signal no longer has its default effect (for
 * {@code INT}, {@code TERM} and {@code HUP}: the JVM runs its shutdown hooks and exits); once the last channel for
 * it is stopped, the handler it had before comes back. Delivery never blocks, as in Go: a signal that finds the
 * channel full is dropped, so use a buffered channel. A registered channel counts as something that can still
 * wake a goroutine, so a {@link dev.go4j.Go#main Go.main} program waiting for a signal is never reported as
 * deadlocked.
 */
public final class Signal {
    /** Serializes registration changes; held for a few map updates and handler swaps. */
    private static final RuntimeLock LOCK = new RuntimeLock();
    /** Registered channels by signal name; the lists are copy-on-write, read by the signal threads unlocked. */
    private static final Map<String, CopyOnWriteArrayList<SendChan<String>>> CHANNELS = new HashMap<>();
    /** The handler each relayed signal had before go4j's, to restore on the last stop. Guarded by LOCK. */
    private static final Map<String, Object> PREVIOUS = new HashMap<>();

    private Signal() {
    }

    /**
     * Makes {@code c} receive each of the named signals from now on, Go's {@code signal.Notify(c, sig...)}.
     * Naming a signal {@code c} already relays changes nothing; a channel may be registered for several signals
     * and a signal may go to several channels.
     *
     * @param c the channel; it receives the signal's name ({@code "INT"}), without blocking
     * @param signals the signals: {@code "INT"} or {@code "SIGINT"}, {@code "TERM"}, {@code "HUP"}, {@code "USR1"}, …
     * @throws NullPointerException if {@code c}, {@code signals} or a name is null
     * @throws IllegalArgumentException if no signal is named, a name is unknown, or the JVM keeps that signal
     * @throws UnsupportedOperationException if this JVM cannot handle signals (no module {@code jdk.unsupported})
     */
    public static void notify(SendChan<String> c, String... signals) {
        Objects.requireNonNull(c, "c");
        Set<String> names = canonicalNames(signals);
        LOCK.lock();
        try {
            List<String> added = new ArrayList<>();
            try {
                for (String name : names) {
                    CopyOnWriteArrayList<SendChan<String>> channels = CHANNELS.get(name);
                    if (channels == null) {
                        PREVIOUS.put(name, JdkAccess.handleSignal(name, () -> relay(name)));
                        channels = new CopyOnWriteArrayList<>();
                        CHANNELS.put(name, channels);
                    }
                    if (!containsIdentical(channels, c)) {
                        channels.add(c);
                        Quiescence.addExternalWaker();
                        added.add(name);
                    }
                }
            } catch (RuntimeException e) {
                for (String name : added) {
                    unregister(name, c); // all or nothing
                }
                throw e;
            }
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Stops relaying signals to {@code c}, Go's {@code signal.Stop}; when it returns, {@code c} receives no more
     * signals. Does nothing if {@code c} is not registered.
     *
     * @param c the channel
     * @throws NullPointerException if {@code c} is null
     */
    public static void stop(SendChan<String> c) {
        Objects.requireNonNull(c, "c");
        LOCK.lock();
        try {
            for (String name : new ArrayList<>(CHANNELS.keySet())) {
                unregister(name, c);
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** Stops relaying {@code name} to {@code c}; restores the old handler after the last channel. Under LOCK. */
    private static void unregister(String name, SendChan<String> c) {
        CopyOnWriteArrayList<SendChan<String>> channels = CHANNELS.get(name);
        if (channels.removeIf(registered -> registered == c)) {
            Quiescence.removeExternalWaker();
        }
        if (channels.isEmpty()) {
            CHANNELS.remove(name);
            JdkAccess.restoreSignal(name, PREVIOUS.remove(name));
        }
    }

    private static void relay(String name) {
        List<SendChan<String>> channels;
        LOCK.lock();
        try {
            channels = CHANNELS.get(name);
        } finally {
            LOCK.unlock();
        }
        if (channels != null) {
            for (SendChan<String> c : channels) {
                c.trySend(name);
            }
        }
    }

    private static boolean containsIdentical(List<SendChan<String>> channels, SendChan<String> c) {
        for (SendChan<String> registered : channels) {
            if (registered == c) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> canonicalNames(String[] signals) {
        Objects.requireNonNull(signals, "signals");
        if (signals.length == 0) {
            throw new IllegalArgumentException(
                    "Signal.notify needs at least one signal name (go4j cannot relay every signal, as Go can)");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String signal : signals) {
            String name = Objects.requireNonNull(signal, "signal name").trim().toUpperCase(Locale.ROOT);
            names.add(name.startsWith("SIG") ? name.substring(3) : name);
        }
        return names;
    }
}
