/**
 * The tour's diagnostics chapter: seeing what goroutines do from outside the program. Each lesson is a runnable
 * class ({@code public static void main}, through {@link dev.go4j.Go#main Go.main}) whose class comment explains
 * its point, with a package-private body that its testable example calls; run them with {@code ./go4j tour}.
 *
 * <ol>
 *   <li>{@link dev.go4j.examples.diagnostics.FlightRecording}: record a program with the JDK Flight Recorder and
 *       read go4j's events back, as {@code jfr print} does.</li>
 * </ol>
 *
 * <p>Recordings hold times and ids that change on every run; the lessons print only the fields the program
 * decides.
 */
package dev.go4j.examples.diagnostics;
