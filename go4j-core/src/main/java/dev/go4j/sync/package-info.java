/**
 * Go's package {@code sync}: {@link dev.go4j.sync.Mutex}, {@link dev.go4j.sync.RWMutex},
 * {@link dev.go4j.sync.Once} (with Go's {@code OnceFunc}, {@code OnceValue}, {@code OnceValues} as its static
 * methods), {@link dev.go4j.sync.Cond}, {@link dev.go4j.sync.WaitGroup} and the {@link dev.go4j.sync.Locker}
 * interface.
 *
 * {@snippet file="SyncSnippets.java" region="package"}
 *
 * <p>The locks keep Go's semantics rather than {@code java.util.concurrent}'s: no owner (any goroutine may
 * unlock), not reentrant, writer preference in {@code RWMutex}, Go's starvation mode, and unlocking an unlocked
 * lock is Go's fatal error. Every blocking operation parks through go4j's one park path and records Go's wait
 * reason ({@code sync.Mutex.Lock}, {@code sync.RWMutex.RLock}, {@code sync.RWMutex.Lock}, {@code sync.Cond.Wait},
 * {@code sync.WaitGroup.Wait}).
 *
 * <p>Not cloned: Go's {@code sync.Map} maps to {@link java.util.concurrent.ConcurrentHashMap}, {@code sync.Pool}
 * to a pooling library (or no pool: the JVM's allocator and collector make most pools unnecessary), and
 * {@code sync/atomic} to {@code java.util.concurrent.atomic} and {@link java.lang.invoke.VarHandle}.
 *
 * <p>Deviations from Go:
 * <ul>
 *   <li>Interrupts: lock acquisition ({@code Mutex.lock}, {@code RWMutex.rLock/lock}, {@code Cond}'s re-lock) and
 *       waiting in {@code Once.run} ignore {@link Thread#interrupt()} and keep the status set, as Go's locks
 *       cannot be interrupted; {@code WaitGroup.await} and {@code Cond.await} throw {@link dev.go4j.Interrupted}
 *       (an interrupted {@code Cond.await} holds the lock again when it throws).</li>
 *   <li>Fatal errors ({@code sync: unlock of unlocked mutex}, …) halt the program under {@code Go.main} and are
 *       thrown as {@link dev.go4j.FatalError} in library mode; the lock's state is left as it was.</li>
 *   <li>{@code Once.run} called from inside its own function throws a {@link dev.go4j.Panic} (Go deadlocks).</li>
 *   <li>{@code Once.onceValues} returns a {@link dev.go4j.Result} instead of a pair; a {@code Panic} or an
 *       {@code Error} thrown by the function is thrown again on every call, other exceptions are its error.</li>
 *   <li>A contended {@code Mutex.lock} (and {@code RWMutex.lock} among writers) spins a few microseconds before it
 *       queues, as Go's does on multicore machines; unlike Go it cannot see whether other goroutines are waiting
 *       for its carrier, so only the spin bound limits how long it holds one.</li>
 *   <li>{@code WaitGroup}: see its documentation.</li>
 * </ul>
 */
@NullMarked
package dev.go4j.sync;

import org.jspecify.annotations.NullMarked;
