/**
 * The tour's channel chapter: goroutines that communicate over {@link dev.go4j.Chan channels}. Each lesson is a
 * runnable class ({@code public static void main}, through {@link dev.go4j.Go#main Go.main}) whose class comment
 * explains its point, with a package-private body that its testable example calls; run them with
 * {@code ./go4j tour}.
 *
 * <ol>
 *   <li>{@link dev.go4j.examples.channels.PingPong}: an unbuffered channel hands a value, and its ownership, over;</li>
 *   <li>{@link dev.go4j.examples.channels.PrimeSieve}: a pipeline of goroutines, stopped with a done channel;</li>
 *   <li>{@link dev.go4j.examples.channels.BufferedSemaphore}: a buffered channel as a counting semaphore;</li>
 *   <li>{@link dev.go4j.examples.channels.CloseSignalsDone}: a send wakes one receiver, a close wakes them all.</li>
 * </ol>
 *
 * <p>Every lesson leaves no goroutine behind: its body joins what it started before it returns.
 */
package dev.go4j.examples.channels;
