package dev.go4j;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value or the failure that took its place: Go's {@code (T, error)} pair as one object, used where a result
 * travels through a channel or a cache ({@code Chan.fromStage}, {@code onceValues}, singleflight's {@code doChan}).
 *
 * {@snippet file="GoSnippets.java" region="result"}
 *
 * @param <T> the type of the value
 */
public sealed interface Result<T extends @Nullable Object> {

    /**
     * A successful result.
     *
     * @param value the value, which may be null
     * @param <T> the type of the value
     */
    record Ok<T extends @Nullable Object>(T value) implements Result<T> {
    }

    /**
     * A failed result.
     *
     * @param error the failure, never null
     * @param <T> the type the value would have had
     */
    record Err<T extends @Nullable Object>(Throwable error) implements Result<T> {
        /**
         * Creates a failed result.
         *
         * @param error the failure, never null
         */
        public Err {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * Returns a successful result.
     *
     * @param value the value, which may be null
     * @param <T> the type of the value
     * @return {@code Ok(value)}
     */
    static <T extends @Nullable Object> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    /**
     * Returns a failed result.
     *
     * @param error the failure
     * @param <T> the type the value would have had
     * @return {@code Err(error)}
     * @throws NullPointerException if {@code error} is null
     */
    static <T extends @Nullable Object> Result<T> err(Throwable error) {
        return new Err<>(error);
    }

    /**
     * Calls {@code call} and captures its value or the exception it threw.
     *
     * @param call the computation
     * @param <T> the type of the value
     * @return {@code Ok} with the value, or {@code Err} with the exception
     */
    static <T extends @Nullable Object> Result<T> of(java.util.concurrent.Callable<? extends T> call) {
        Objects.requireNonNull(call, "call");
        try {
            return new Ok<>(call.call());
        } catch (Exception e) {
            return new Err<>(e);
        }
    }

    /**
     * Returns the value, or throws the failure: unchecked exceptions and errors as they are, checked exceptions
     * wrapped in a {@link java.util.concurrent.CompletionException}.
     *
     * @return the value of an {@code Ok}
     */
    default T get() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Err<T> err -> {
                Throwable e = err.error();
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                if (e instanceof Error error) {
                    throw error;
                }
                throw new java.util.concurrent.CompletionException(e);
            }
        };
    }

    /**
     * Tells whether this is an {@code Ok}.
     *
     * @return true for {@code Ok}, false for {@code Err}
     */
    default boolean isOk() {
        return this instanceof Ok<T>;
    }
}
