/**
 * The life of goroutines and programs: {@link dev.go4j.internal.runtime.Goroutine} starts goroutines (ids, live
 * count, the inherited slot), {@link dev.go4j.internal.runtime.Program} holds the rules of a program and runs it
 * (Go.main's, the process; Go.run's, a {@link dev.go4j.internal.park.Scope}: the panic policy, Go's panic report,
 * fatal errors, exit, and {@link dev.go4j.internal.runtime.ProgramExit} for a Go.run goroutine that must not go
 * on), {@link dev.go4j.internal.runtime.GoroutineExecutorService} is {@code Go.newExecutorService()},
 * {@link dev.go4j.internal.runtime.Traceback} writes
 * goroutine dumps, and {@link dev.go4j.internal.runtime.GoRuntimeBean} shows them, with the goroutine count and
 * GOMAXPROCS, to JMX tools as the MBean {@code dev.go4j:type=Runtime}, registered at the first goroutine start.
 *
 * <p>Layer: above {@code park}; {@code sync}, {@code chan}, {@code time} and {@code context} may start goroutines
 * through it, and the facades {@code Go} and {@code WaitGroup} delegate to it.
 */
package dev.go4j.internal.runtime;
