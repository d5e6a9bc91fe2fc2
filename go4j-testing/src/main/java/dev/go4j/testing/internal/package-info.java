/**
 * Internals of go4j-testing, not exported by its module: the machinery of testable examples
 * ({@link dev.go4j.testing.Output}, {@link dev.go4j.testing.UnorderedOutput}), used by {@link dev.go4j.testing.ExampleExtension},
 * which runs each example.
 *
 * <p>{@link dev.go4j.testing.internal.Capture} holds what one example printed;
 * {@link dev.go4j.testing.internal.RoutingPrintStream}, installed once as {@code System.out}, sends each write to the
 * capture of the example that the writing goroutine belongs to (carried by a {@link dev.go4j.runtime.Inherited}
 * value); {@link dev.go4j.testing.internal.ExpectedOutput} compares, with Go's rules plus go4j's trailing-white-space
 * leniency.
 */
package dev.go4j.testing.internal;
