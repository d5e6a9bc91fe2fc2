/**
 * The tour's sync chapter: Go's package {@code sync} ({@link dev.go4j.sync}) at work. Each lesson is a runnable
 * class ({@code public static void main}, through {@link dev.go4j.Go#main Go.main}) whose class comment explains
 * its point, with a package-private body that its testable example calls; run them with {@code ./go4j tour}.
 *
 * <ol>
 *   <li>{@link dev.go4j.examples.sync.CounterThreeWays}: one counter three ways, a {@link dev.go4j.sync.Mutex},
 *       an owner goroutine behind a channel, an atomic: share memory by communicating;</li>
 *   <li>{@link dev.go4j.examples.sync.BoundedBuffer}: a bounded buffer from a mutex and two
 *       {@link dev.go4j.sync.Cond}s;</li>
 *   <li>{@link dev.go4j.examples.sync.LazyInit}: lazy initialisation with {@link dev.go4j.sync.Once#onceValue}
 *       and {@link dev.go4j.sync.Once#onceValues}.</li>
 * </ol>
 *
 * <p>Every lesson leaves no goroutine behind: its body joins what it started before it returns.
 */
package dev.go4j.examples.sync;
