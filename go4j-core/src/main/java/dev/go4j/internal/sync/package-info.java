/**
 * The algorithms behind {@code dev.go4j.sync}: go4j's own wait queue ({@link dev.go4j.internal.sync.WaitQueue}),
 * the semaphore that Go's runtime calls {@code sema} ({@link dev.go4j.internal.sync.Sema}), the mutex and
 * reader/writer mutex state machines of Go's {@code sync} package ({@link dev.go4j.internal.sync.MutexCore},
 * {@link dev.go4j.internal.sync.RWMutexCore}) and the waiter list of {@code sync.Cond}
 * ({@link dev.go4j.internal.sync.NotifyList}).
 *
 * <p>Everything here is lock-free: each primitive keeps its state in one or two words changed by CAS, and every
 * goroutine that has to wait parks on a {@link dev.go4j.internal.park.Waiter} through the one park path, so its
 * wait reason is recorded. Nothing here uses {@code java.util.concurrent.locks} (whose locks are owner-bound and
 * park in their own loop) or monitors.
 */
package dev.go4j.internal.sync;
