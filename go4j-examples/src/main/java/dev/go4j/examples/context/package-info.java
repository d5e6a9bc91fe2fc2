/**
 * The tour's context chapter: cancellation and deadlines that travel with a request, with
 * {@link dev.go4j.context.Context}, Go's package {@code context}. Each lesson is a runnable class
 * ({@code public static void main}, through {@link dev.go4j.Go#main Go.main}) whose class comment explains its point,
 * with a package-private body that its testable example calls; run them with {@code ./go4j tour}.
 *
 * <ol>
 *   <li>{@link dev.go4j.examples.context.CancelTree}: a timeout cancels a tree of goroutines;
 *       try-with-resources is Go's {@code defer cancel()};</li>
 *   <li>{@link dev.go4j.examples.context.InterruptOnDone}: a context cancels a JDK blocking call by
 *       interrupting it.</li>
 * </ol>
 */
package dev.go4j.examples.context;
