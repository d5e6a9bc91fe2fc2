/**
 * The one clock: {@link dev.go4j.internal.clock.Clock} (monotonic time for every deadline, wall time for values
 * handed to users, timed parking) and {@link dev.go4j.internal.clock.Deadline}, the mode argument of every
 * blocking routine (do not wait, wait until a point, wait forever). Only this package and {@code park} read the
 * time or park with a timeout; {@code ClassScanTest} checks it.
 *
 * <p>Layer: the lowest; it uses nothing else of go4j.
 */
package dev.go4j.internal.clock;
