package dev.go4j.singleflight;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.Interrupted;
import dev.go4j.Panic;
import dev.go4j.PanicPolicy;
import dev.go4j.ReceiveChan;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.G;
import dev.go4j.internal.runtime.Program;
import dev.go4j.internal.sync.MutexCore;
import dev.go4j.sync.WaitGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * Suppresses duplicate calls, Go's {@code golang.org/x/sync/singleflight.Group}: while a call for a key is in
 * flight, later callers for the same key wait for it and share its result instead of running their own.
 *
 * {@snippet file="SingleflightSnippets.java" region="group"}
 *
 * <p>Errors and panics: a call's exception is thrown to every caller that waited for it; a {@link Panic} or an
 * {@link Error} is thrown to them too, so it reaches each goroutine's panic policy, as Go re-panics in every
 * caller. A panic in a call that {@link #doChan} callers share cannot be recovered under
 * {@link PanicPolicy#EXIT} (the default inside {@link Go#main Go.main}), as in Go: the program ends
 * with {@code panic: …} and status 2 before any of their channels receives, and the goroutine that ran the call
 * never returns to its caller. In library mode those channels receive a {@link Result} carrying the panic (see
 * the package's deviation). The completion of the call happens-before every waiting caller returns.
 *
 * @param <K> the key type (compared with {@code equals})
 * @param <V> the value type
 */
public final class Group<K, V extends @Nullable Object> {
    /*
     * Implementation notes. As Go's singleflight: a lock guards a map from key to the call in flight; the first
     * caller runs the function, later ones count themselves as duplicates and wait on the call's WaitGroup (or
     * register a channel). When the function returns, the call is removed from the map (unless forget() already
     * replaced it) and its result is published, then the WaitGroup is released. Result channels have capacity 1
     * and receive exactly one result each, so the send never blocks; they are never closed, as in Go.
     *
     * Panics (a Panic or an Error thrown by fn). The waiters are released first, as Go's doCall calls wg.Done()
     * before it re-panics, so each doCall caller that waited rethrows the panic in its own goroutine. What the
     * executing goroutine does then depends on whether doChan callers wait and on the panic policy, read once:
     *
     *   no channels            rethrow here: the doCall caller may catch it, as Go's plain panic(e);
     *   channels, EXIT         Program.fatalPanic here: report "panic: ..." and exit 2; nothing is sent;
     *   channels, library mode send a Result carrying the panic to each channel, then rethrow here.
     *
     * The EXIT row is Go's "go panic(e); select {}": a panic that its channels' receivers would otherwise wait
     * for forever must not be recoverable, so Go raises it in a fresh goroutine and parks the executing one
     * (to keep it in the crash dump). Calling fatalPanic in the executing goroutine has the same effect with
     * nothing to start or park: it never returns (System.exit blocks this goroutine while the JVM shuts down),
     * so no catch of the doCall caller runs and no receiver is woken, and the report names the goroutine whose
     * call panicked and carries the panic's own stack, which is what Go's dump shows. Deciding the policy once
     * and then calling fatalPanic (which does not read it again) leaves no window in which a concurrent
     * setPanicPolicy could make the call return without having sent. The library-mode row is README
     * deviation 15: there is no process to end, so receivers get the panic rather than hang.
     */

    /** Guards calls (go4j's sync.Mutex core, as Go's singleflight uses sync.Mutex). */
    private final MutexCore lock = new MutexCore(WaitReason.SYNC_MUTEX_LOCK, this);
    /** Calls in flight. Guarded by lock. */
    private final Map<K, Call<V>> calls = new HashMap<>();

    /** Creates an empty group. */
    public Group() {
    }

    /**
     * Runs {@code fn} for {@code key} unless a call for it is in flight, in which case waits for that call and
     * shares its outcome, Go's {@code Do}.
     *
     * @param key the key
     * @param fn the computation
     * @return the value and whether it was shared
     * @throws Exception the call's failure, thrown to every caller that shared it (except a panic that
     *     {@code doChan} callers share under {@link PanicPolicy#EXIT}, which ends the program instead)
     * @throws Interrupted if interrupted while waiting for another caller's call (that call goes on)
     */
    public Shared<V> doCall(K key, Callable<V> fn) throws Exception {
        Objects.requireNonNull(fn, "fn");
        Joined<V> joined = join(key, null);
        Call<V> call = joined.call();
        if (!joined.first()) {
            call.done.await();
            return call.outcome(true);
        }
        execute(key, call, fn);
        return call.outcome(call.sharedAfterCompletion);
    }

    /**
     * Like {@link #doCall}, but returns at once a channel of capacity 1 that will receive the one
     * {@link Result}; the channel is never closed, Go's {@code DoChan}. A new call runs {@code fn} in its own
     * goroutine. If the call panics, the channel receives nothing under {@link PanicPolicy#EXIT}
     * (the program ends) and a {@code Result} carrying the panic in library mode.
     *
     * @param key the key
     * @param fn the computation
     * @return a channel that receives the result
     */
    public ReceiveChan<Result<V>> doChan(K key, Callable<V> fn) {
        Objects.requireNonNull(fn, "fn");
        Chan<Result<V>> results = Chan.make(1);
        Joined<V> joined = join(key, results);
        if (joined.first()) {
            Go.go(() -> execute(key, joined.call(), fn));
        }
        return results;
    }

    /**
     * Forgets the call in flight for {@code key}: the next call for it runs {@code fn} even while the earlier one
     * is still running, Go's {@code Forget}.
     *
     * @param key the key
     */
    public void forget(K key) {
        lock.lock();
        try {
            calls.remove(key);
        } finally {
            lock.unlock();
        }
    }

    /** The call a caller joined, and whether it is the first caller (who must run it). */
    private record Joined<V>(Call<V> call, boolean first) {
    }

    /** Joins the call in flight for {@code key}, or registers a new one; {@code results} may be null. */
    private Joined<V> join(K key, Chan<Result<V>> results) {
        lock.lock();
        try {
            Call<V> call = calls.get(key);
            boolean first = call == null;
            if (first) {
                call = new Call<>();
                calls.put(key, call);
            } else {
                call.duplicates++;
            }
            if (results != null) {
                call.channels.add(results);
            }
            return new Joined<>(call, first);
        } finally {
            lock.unlock();
        }
    }

    /** How many callers share the call in flight for {@code key} (0 if none): a probe for tests. */
    int callers(K key) {
        lock.lock();
        try {
            Call<V> call = calls.get(key);
            return call == null ? 0 : 1 + call.duplicates;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the call and publishes its outcome to waiters and channels; a panic is rethrown, or, under EXIT with
     * doChan callers, ends the program (see the notes).
     */
    private void execute(K key, Call<V> call, Callable<V> fn) throws Exception {
        Throwable failure = null;
        try {
            call.value = fn.call();
        } catch (Throwable t) {
            failure = t;
            call.failure = t;
        }
        boolean panicked = failure instanceof Panic || failure instanceof Error;
        List<Chan<Result<V>>> channels;
        lock.lock();
        try {
            if (calls.get(key) == call) {
                calls.remove(key);
            }
            call.sharedAfterCompletion = call.duplicates > 0;
            channels = new ArrayList<>(call.channels);
        } finally {
            lock.unlock();
        }
        call.done.done();
        if (panicked && !channels.isEmpty() && Program.policy() == PanicPolicy.EXIT) {
            Program.fatalPanic(G.current(), failure); // Go's "go panic(e); select {}": never returns
        }
        for (Chan<Result<V>> channel : channels) {
            channel.trySend(new Result<>(call.value, call.failure, call.sharedAfterCompletion));
        }
        if (panicked) {
            sneakyThrow(failure); // a panic reaches this goroutine's panic policy, as Go re-panics
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    /** One execution in flight. */
    private static final class Call<V> {
        /** Released when the outcome is published. */
        final WaitGroup done = new WaitGroup();
        /** Result channels of doChan callers. Guarded by the group's lock. */
        final List<Chan<Result<V>>> channels = new ArrayList<>();
        /** Callers after the first. Guarded by the group's lock. */
        int duplicates;
        /** Written by the executing caller before done.done(); read by waiters after done.await(). */
        V value;
        Throwable failure;
        boolean sharedAfterCompletion;

        Call() {
            done.add(1);
        }

        /** The outcome for a caller; rethrows the failure (exceptions as they are). */
        Shared<V> outcome(boolean shared) throws Exception {
            Throwable t = failure;
            if (t == null) {
                return new Shared<>(value, shared);
            }
            if (t instanceof Exception e) {
                throw e;
            }
            throw (Error) t;
        }
    }
}
