/**
 * Go's package {@code sync}: {@link dev.go4j.sync.WaitGroup} today; Mutex, RWMutex, Once, Cond follow.
 *
 * <p>Every blocking operation parks through go4j's one park path and records Go's wait reason (for example
 * {@code sync.WaitGroup.Wait}). Deviation from Go: {@link dev.go4j.sync.WaitGroup#await()} is interruptible and
 * throws {@link dev.go4j.Interrupted}; lock acquisition (when it comes) will not be.
 */
package dev.go4j.sync;
