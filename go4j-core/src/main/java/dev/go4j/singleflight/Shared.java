package dev.go4j.singleflight;

/**
 * What {@link Group#doCall} returns on success: Go's {@code v, _, shared := g.Do(…)}.
 *
 * {@snippet :
 * Shared<Profile> p = group.doCall(userId, () -> fetchProfile(userId));
 * render(p.value());
 * }
 *
 * @param value the value of the one execution
 * @param shared whether more than one caller received it (the first caller included)
 * @param <V> the value type
 */
public record Shared<V>(V value, boolean shared) {
}
