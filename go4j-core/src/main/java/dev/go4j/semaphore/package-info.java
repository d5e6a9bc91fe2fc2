/**
 * Go's {@code golang.org/x/sync/semaphore}: {@link dev.go4j.semaphore.Weighted}, a FIFO weighted semaphore whose
 * waits are bounded by a {@link dev.go4j.context.Context}.
 *
 * {@snippet file="SemaphoreSnippets.java" region="weighted"}
 *
 * <p>Deviation from Go: a waiting {@code acquire} is also ended by {@link Thread#interrupt()}, throwing
 * {@link dev.go4j.Interrupted} with no permits held.
 */
@NullMarked
package dev.go4j.semaphore;

import org.jspecify.annotations.NullMarked;
