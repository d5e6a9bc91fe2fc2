/**
 * The tour's embedding chapter: Go programs inside a JVM that lives on. The lesson's class has a plain Java
 * {@code main} that runs programs with {@link dev.go4j.Go#run Go.run} and prints their exit statuses, with a
 * package-private body that its testable example calls.
 *
 * <ol>
 *   <li>{@link dev.go4j.examples.embedding.EmbeddedPrograms}: each {@code Go.run} is a program of its own, and
 *       returns its status.</li>
 * </ol>
 */
package dev.go4j.examples.embedding;
