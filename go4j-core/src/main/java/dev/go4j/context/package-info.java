/**
 * Go's package {@code context}: {@link dev.go4j.context.Context} carries deadlines, cancellation and
 * request-scoped values across goroutines; {@link dev.go4j.context.CancelContext} is the cancellable kind, closed
 * by try-with-resources.
 *
 * {@snippet file="ContextSnippets.java" region="context"}
 *
 * <p>Deviations from Go: {@code cancel} is a method of the returned context rather than a separate function;
 * errors are exceptions ({@code instanceof} replaces {@code errors.Is}); {@code Context.interruptOnDone} is a
 * Java-only bridge to interruptible JDK calls; a context not implemented by go4j is watched through its
 * {@code done()} channel by one goroutine per child, as Go does for foreign contexts.
 */
@NullMarked
package dev.go4j.context;

import org.jspecify.annotations.NullMarked;
