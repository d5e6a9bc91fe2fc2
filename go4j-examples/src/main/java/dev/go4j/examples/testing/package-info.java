/**
 * The tour's chapter on testing concurrent code with go4j-testing: tests that take no real time, that catch the
 * goroutines a function leaves behind, and that find ordering bugs by trying many schedules. Each lesson is a
 * runnable class ({@code public static void main}, through {@link dev.go4j.Go#main Go.main}) whose class comment
 * explains its point, with a package-private body that its testable example calls; run them with
 * {@code ./go4j tour}. In a project the same calls sit in JUnit tests (see {@code @Synctest}, {@code @VerifyNoLeaks}
 * and {@code @Explore} in {@code dev.go4j.testing}); here they run in a program so that the tour can show what they
 * report.
 *
 * <ol>
 *   <li>{@link dev.go4j.examples.testing.FakeTime}: a one-hour timeout tested in a synctest bubble, in no real
 *       time.</li>
 *   <li>{@link dev.go4j.examples.testing.LeakCheck}: the leak check catches the goroutines that a "first answer
 *       wins" query leaves blocked forever, and passes the fix.</li>
 *   <li>{@link dev.go4j.examples.testing.RaceReplay}: schedule exploration finds a check-then-act race, its seed
 *       replays the failure exactly, and the fix passes every schedule.</li>
 * </ol>
 */
package dev.go4j.examples.testing;
