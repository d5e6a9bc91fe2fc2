/**
 * The algorithms behind {@code dev.go4j.sync}: the mutex and reader/writer mutex state machines of Go's
 * {@code sync} package ({@link dev.go4j.internal.sync.MutexCore}, {@link dev.go4j.internal.sync.RWMutexCore}) and
 * Go's {@code notifyList} ({@link dev.go4j.internal.sync.NotifyList}), the waiter list of {@code sync.Cond} and
 * {@code sync.WaitGroup}.
 *
 * <p>Each keeps its state in one or two words changed by CAS and sleeps on the runtime's semaphore or wait queue
 * ({@code internal.park}), so every goroutine that has to wait parks through the one park path with Go's wait
 * reason. The mutex core is also the lock of go4j's library code where Go's uses {@code sync.Mutex} (contexts,
 * x/sync).
 *
 * <p>Layer: above {@code park} and {@code runtime}.
 */
package dev.go4j.internal.sync;
