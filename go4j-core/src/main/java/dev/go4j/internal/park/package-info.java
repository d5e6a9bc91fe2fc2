/**
 * Waiting: the one park path ({@link dev.go4j.internal.park.Park}), the one blocking driver
 * ({@link dev.go4j.internal.park.Waiter#await}), the goroutine record that says why a goroutine waits
 * ({@link dev.go4j.internal.park.G}) and the read-only view of it ({@link dev.go4j.internal.park.ParkState}), the
 * {@code Go.run} program a goroutine belongs to ({@link dev.go4j.internal.park.Scope}: its ids, live count, panic
 * policy and exit status), and the low-level primitives that wait through them: the immutable
 * {@link dev.go4j.internal.park.WaitQueue}, the runtime semaphore {@link dev.go4j.internal.park.Sema} (Go's
 * {@code sema}) and the runtime lock {@link dev.go4j.internal.park.RuntimeLock} (Go's runtime {@code mutex}) that
 * guards go4j's own structures.
 *
 * <p>Layer: just above {@code clock}. No monitor, no JDK lock or synchronizer is used anywhere in go4j-core
 * ({@code ClassScanTest} checks it): every wait comes through here, so its wait reason is recorded.
 */
package dev.go4j.internal.park;
