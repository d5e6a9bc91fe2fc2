package dev.go4j.runtime;

import dev.go4j.internal.park.G;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/*
 * Implementation notes.
 *
 * go4j's goroutine record (G) has one opaque slot that go copies from the starting goroutine to the new one
 * before the new thread starts (so Thread.start publishes it), and that only the owner thread writes. Inherited
 * keeps all its instances' values in that slot as one immutable Bindings object: set replaces the slot's object
 * with a copy that has one binding changed, so goroutines started earlier keep the object they were given, and a
 * spawn stays one reference copy however many values there are. get is a ThreadLocal read and a scan of a few
 * bindings, cheap enough for every write of a routing stream. Bindings is the only thing this class puts in the
 * slot; nothing else in go4j writes it.
 */

/**
 * A value that a goroutine hands to the goroutines it starts: each goroutine starts with the value its parent had
 * when it called {@code go}, and may then {@linkplain #set change its own} without affecting anyone else. For
 * tools that follow a goroutine's ancestry: the testing kit uses one to send the standard output of an example
 * and of every goroutine it starts, transitively, to that example's capture.
 *
 * {@snippet file="RuntimeSnippets.java" region="inherited"}
 *
 * <p>Goroutines are started by {@link dev.go4j.Go#go Go.go} and everything built on it ({@code WaitGroup.go},
 * errgroups, {@link dev.go4j.Go#executor() Go.executor()}). A thread go4j did not start (a JUnit thread, a platform
 * thread, a virtual thread from {@code Thread.ofVirtual()}) has a value of its own, initially none, and hands it
 * to the goroutines it starts. Go has no such thing (goroutines have no parent to inherit from); programs pass a
 * {@link dev.go4j.context.Context}, and so should Java programs written with go4j. go4j also hands down no
 * {@link InheritableThreadLocal} values or {@code ScopedValue} bindings.
 *
 * <p>Memory consistency effects: what a goroutine did before it started a child happens-before the child reads the
 * value it inherited.
 *
 * @param <T> the type of the value
 */
public final class Inherited<T> {
    /** Creates a value that no goroutine has set yet: {@link #get()} returns null everywhere. */
    public Inherited() {
    }

    /**
     * Returns the running goroutine's value: the one it last {@linkplain #set set}, else the one it inherited
     * from the goroutine that started it, else null.
     *
     * @return the value, or null if there is none
     */
    @SuppressWarnings("unchecked") // only set(T) binds this key
    public @Nullable T get() {
        return (T) Bindings.lookup(G.currentInherited(), this);
    }

    /**
     * Sets the running goroutine's value; goroutines it starts from now on inherit it. Goroutines it started
     * before keep theirs.
     *
     * @param value the new value, or null for none
     */
    public void set(@Nullable T value) {
        G self = G.current();
        self.setInherited(Bindings.with(self.inherited(), this, value));
    }

    /**
     * The values of every {@code Inherited} that one goroutine holds, immutable: equal-length arrays of keys and
     * their (non-null) values, without duplicate keys.
     */
    private static final class Bindings {
        private final Inherited<?>[] keys;
        private final Object[] values;

        private Bindings(Inherited<?>[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        /** The value bound to {@code key} in {@code slot}, or null. */
        static @Nullable Object lookup(@Nullable Object slot, Inherited<?> key) {
            if (slot instanceof Bindings bindings) {
                for (int i = 0; i < bindings.keys.length; i++) {
                    if (bindings.keys[i] == key) {
                        return bindings.values[i];
                    }
                }
            }
            return null;
        }

        /** The contents of {@code slot} with {@code key} bound to {@code value} (unbound if it is null). */
        static @Nullable Object with(@Nullable Object slot, Inherited<?> key, @Nullable Object value) {
            Inherited<?>[] keys = slot instanceof Bindings b ? b.keys : new Inherited<?>[0];
            Object[] values = slot instanceof Bindings b ? b.values : new Object[0];
            int at = 0;
            while (at < keys.length && keys[at] != key) {
                at++;
            }
            if (value == null) {
                if (at == keys.length) {
                    return slot;
                }
                if (keys.length == 1) {
                    return null;
                }
                return new Bindings(without(keys, at), without(values, at));
            }
            Inherited<?>[] newKeys = Arrays.copyOf(keys, Math.max(keys.length, at + 1));
            Object[] newValues = Arrays.copyOf(values, newKeys.length);
            newKeys[at] = key;
            newValues[at] = value;
            return new Bindings(newKeys, newValues);
        }

        private static <E> E[] without(E[] array, int at) {
            E[] shorter = Arrays.copyOf(array, array.length - 1);
            System.arraycopy(array, at + 1, shorter, at, array.length - 1 - at);
            return shorter;
        }
    }
}
