/**
 * The life of goroutines and programs: {@link dev.go4j.internal.runtime.Goroutine} starts goroutines (ids, live
 * count, the inherited slot) and {@link dev.go4j.internal.runtime.Program} holds the process-level rules (the
 * panic policy, Go's panic report, fatal errors, exit).
 *
 * <p>Layer: above {@code park}; {@code sync}, {@code chan}, {@code time} and {@code context} may start goroutines
 * through it, and the facades {@code Go} and {@code WaitGroup} delegate to it.
 */
package dev.go4j.internal.runtime;
