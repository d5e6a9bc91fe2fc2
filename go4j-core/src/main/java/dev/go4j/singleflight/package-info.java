/**
 * Go's {@code golang.org/x/sync/singleflight}: {@link dev.go4j.singleflight.Group} runs one call per key at a time
 * and shares its result with every concurrent caller for the same key.
 *
 * <p>Deviation from Go: when a {@code doChan} call panics under the library-mode panic policy, its channels still
 * receive a {@link dev.go4j.singleflight.Result} carrying the panic, so receivers do not hang (Go's process would
 * have died).
 */
package dev.go4j.singleflight;
