/**
 * The tour's x/sync chapter: Go's {@code golang.org/x/sync} packages at work. Each lesson is a runnable class
 * ({@code public static void main}, through {@link dev.go4j.Go#main Go.main}) whose class comment explains its
 * point, with a package-private body that its testable example calls; run them with {@code ./go4j tour}.
 *
 * <ol>
 *   <li>{@link dev.go4j.examples.xsync.Crawler}: an errgroup ({@link dev.go4j.errgroup.Group}) with a limit crawls
 *       a fake web; the first error cancels the rest;</li>
 *   <li>{@link dev.go4j.examples.xsync.ParallelDigest}: a weighted semaphore ({@link dev.go4j.semaphore.Weighted})
 *       bounds the bytes being read while a directory tree is digested in parallel; a context stops the walk;</li>
 *   <li>{@link dev.go4j.examples.xsync.CacheStampede}: singleflight ({@link dev.go4j.singleflight.Group}) turns a
 *       stampede of identical queries into one.</li>
 * </ol>
 *
 * <p>Each lesson's output is fixed: the lessons arrange the moment a failure or an answer comes, rather than hope
 * for it, and say how.
 */
package dev.go4j.examples.xsync;
