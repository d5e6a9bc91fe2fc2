/**
 * Go's {@code golang.org/x/sync/singleflight}: {@link dev.go4j.singleflight.Group} runs one call per key at a time
 * and shares its result with every concurrent caller for the same key.
 *
 * {@snippet file="SingleflightSnippets.java" region="group"}
 *
 * <p>Deviation from Go: in library mode ({@link dev.go4j.PanicPolicy#UNCAUGHT_EXCEPTION_HANDLER}), when a call
 * that {@code doChan} callers share panics, their channels still receive a {@link dev.go4j.singleflight.Result}
 * carrying the panic, so receivers do not hang. Under {@link dev.go4j.PanicPolicy#EXIT} (the default inside
 * {@link dev.go4j.Go#main Go.main}) go4j does as Go, whose process dies: the panic ends the program before any
 * channel receives, and no {@code catch} can recover it.
 */
@NullMarked
package dev.go4j.singleflight;

import org.jspecify.annotations.NullMarked;
