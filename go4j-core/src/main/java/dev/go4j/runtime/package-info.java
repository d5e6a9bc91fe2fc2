/**
 * Runtime support for tools built on go4j: the testing kit, debuggers, profilers. What go4j's runtime knows about
 * goroutines that Go programs never ask for, exposed so that tools need neither go4j's internals nor a parsed
 * goroutine dump.
 *
 * <ul>
 *   <li>{@link dev.go4j.runtime.Waits}: which goroutines are blocked, in which go4j operation ({@link
 *       dev.go4j.WaitReason}) and on which primitive; the facts behind go4j-testing's {@code awaitBlocked}.</li>
 *   <li>{@link dev.go4j.runtime.Inherited}: a value that a goroutine hands to the goroutines it starts, as the
 *       testing kit routes an example's standard output by goroutine ancestry.</li>
 *   <li>{@link dev.go4j.runtime.Bubbles}: synctest bubbles (fake time, durable blocking) and schedule exploration,
 *       the machinery of go4j-testing's {@code Synctest} and {@code Explore}.</li>
 * </ul>
 *
 * {@snippet file="RuntimeSnippets.java" region="waits"}
 *
 * <p>This package is supported API, with the same compatibility promise as the rest of go4j; it is exported to
 * every module and works the same on the class path. It has no counterpart in Go's standard library: Go programs
 * use {@link dev.go4j.Go} (Go's {@code runtime}: {@code Go.numGoroutine()}, {@code Go.stack}, {@code Go.dump},
 * {@code Go.goroutines()}), and so should Java programs written with go4j; the facts here are for the tools
 * around them.
 */
@NullMarked
package dev.go4j.runtime;

import org.jspecify.annotations.NullMarked;
