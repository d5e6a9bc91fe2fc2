/**
 * The tour's first chapter: goroutines, ported from the goroutine lessons of the Go tutorials. Each lesson is a
 * runnable class ({@code public static void main}, through {@link dev.go4j.Go#main Go.main}) whose class comment
 * explains its point, with a package-private body that its testable example calls; run them with
 * {@code ./go4j tour}.
 *
 * <ol>
 *   <li>{@link dev.go4j.examples.goroutines.WillNotWait}: a program does not wait for its goroutines;</li>
 *   <li>{@link dev.go4j.examples.goroutines.SwitchToOther}: wait with a WaitGroup, not a sleep;</li>
 *   <li>{@link dev.go4j.examples.goroutines.AcceptableTypes}: what {@code go} accepts, and Java's type switch;</li>
 *   <li>{@link dev.go4j.examples.goroutines.NoOrder}: goroutines run in no particular order;</li>
 *   <li>{@link dev.go4j.examples.goroutines.ForkJoin}: fork workers, join them;</li>
 *   <li>{@link dev.go4j.examples.goroutines.ConcurrencyIsNotParallelism}: speedup and Amdahl's law.</li>
 * </ol>
 *
 * <p>Only goroutines and {@link dev.go4j.sync.WaitGroup} are used; channels come in later chapters.
 */
package dev.go4j.examples.goroutines;
