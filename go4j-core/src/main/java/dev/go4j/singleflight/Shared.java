package dev.go4j.singleflight;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Group#doCall} returns on success: Go's {@code v, _, shared := g.Do(…)}.
 *
 * {@snippet file="SingleflightSnippets.java" region="shared"}
 *
 * @param value the value of the one execution
 * @param shared whether more than one caller received it (the first caller included)
 * @param <V> the value type
 */
public record Shared<V extends @Nullable Object>(V value, boolean shared) {
}
