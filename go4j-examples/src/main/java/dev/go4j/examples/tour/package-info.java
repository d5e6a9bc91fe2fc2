/**
 * The tour driver behind {@code ./go4j tour}: {@link dev.go4j.examples.tour.Tour} reads the lesson index
 * ({@code lessons.txt} in this package: name, main class, one-line description per lesson) and runs each lesson in
 * a child JVM, so that {@code Go.main}'s exit rules apply as in a real program. A new lesson is a class with a
 * {@code main}, a testable example for its body, and one line in the index.
 */
package dev.go4j.examples.tour;
