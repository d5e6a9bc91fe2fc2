/**
 * Go's {@code golang.org/x/sync/errgroup}: {@link dev.go4j.errgroup.Group} runs subtasks in goroutines, limits
 * their number, waits for them and reports the first error, cancelling a shared context.
 *
 * {@snippet file="ErrgroupSnippets.java" region="group"}
 *
 * <p>Deviation from Go: in library mode ({@link dev.go4j.PanicPolicy#UNCAUGHT_EXCEPTION_HANDLER}) a task that
 * panics is reported to the uncaught-exception handler and counted as finished, so {@code await()} returns.
 */
@NullMarked
package dev.go4j.errgroup;

import org.jspecify.annotations.NullMarked;
