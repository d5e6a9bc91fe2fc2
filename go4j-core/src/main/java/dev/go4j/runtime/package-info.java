/**
 * Runtime support for tools built on go4j: the testing kit, debuggers, profilers. Go programs use
 * {@link dev.go4j.Go}; this package is supported API with the same compatibility promise as the rest of go4j.
 *
 * <p>{@link dev.go4j.runtime.Bubbles} runs synctest bubbles (fake time, durable blocking), the machinery of
 * go4j-testing's {@code Synctest}.
 */
@NullMarked
package dev.go4j.runtime;

import org.jspecify.annotations.NullMarked;
