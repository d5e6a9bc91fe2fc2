/**
 * Go's package {@code os/signal}: {@link dev.go4j.os.signal.Signal#notify Signal.notify} relays operating-system
 * signals to a channel, so a program can wait for Ctrl-C in a {@code select} next to its other work.
 *
 * {@snippet file="SignalSnippets.java" region="notify"}
 *
 * <p>Deviations from Go: signals are named by strings ({@code "INT"}, {@code "TERM"}, Java's names, with or without
 * {@code SIG}), and the channel receives the name; at least one signal must be named (Go's {@code Notify} without
 * signals relays every signal); signals the JVM keeps for itself ({@code QUIT} for thread dumps, and others on
 * some platforms) cannot be relayed. It needs the JDK's module {@code jdk.unsupported} ({@code sun.misc.Signal}),
 * which every full JDK has.
 */
@NullMarked
package dev.go4j.os.signal;

import org.jspecify.annotations.NullMarked;
