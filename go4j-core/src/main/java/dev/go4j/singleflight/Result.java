package dev.go4j.singleflight;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Group#doChan} delivers, Go's {@code singleflight.Result}: the value or the error of the one
 * execution, and whether it was given to more than one caller.
 *
 * {@snippet file="SingleflightSnippets.java" region="result"}
 *
 * @param value the value, or null if the call failed
 * @param error the call's failure, or null
 * @param shared whether more than one caller received this result
 * @param <V> the value type
 */
public record Result<V extends @Nullable Object>(@Nullable V value, @Nullable Throwable error, boolean shared) {
}
