/**
 * Timers, the Go 1.23 way: {@link dev.go4j.internal.time.TimerCore} (a channel timer owned by its channel and in a
 * heap only while a goroutine waits on it, or a func timer) and {@link dev.go4j.internal.time.TimerHeap} (a heap of
 * timers with the thread that runs them; one per clock).
 *
 * <p>Layer: above {@code chan}; {@code dev.go4j.time} and the context deadlines use it.
 */
package dev.go4j.internal.time;
