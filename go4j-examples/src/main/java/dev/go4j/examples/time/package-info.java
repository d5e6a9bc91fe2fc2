/**
 * The tour's time chapter: waiting with a bound and keeping a pace, with {@link dev.go4j.time.Time},
 * {@link dev.go4j.time.Timer} and {@link dev.go4j.time.Ticker}, Go's package {@code time}. Each lesson is a runnable
 * class ({@code public static void main}, through {@link dev.go4j.Go#main Go.main}) whose class comment explains its
 * point, with a package-private body that its testable example calls; run them with {@code ./go4j tour}.
 *
 * <ol>
 *   <li>{@link dev.go4j.examples.time.TimeoutWithAfter}: a call with a timeout, with {@code Time.after} or a timer
 *       stopped on the way out;</li>
 *   <li>{@link dev.go4j.examples.time.Heartbeat}: a ticker-driven goroutine, stopped by a done channel and
 *       joined;</li>
 *   <li>{@link dev.go4j.examples.time.RateLimit}: one request per tick, and bursts from a buffered channel of
 *       tokens.</li>
 * </ol>
 *
 * <p>Timing is never part of the expected output: a slow path is held back on a channel until its timeout has
 * passed, a fast path gets a generous budget, and elapsed times are checked only against the lower bound that the
 * program guarantees.
 */
package dev.go4j.examples.time;
