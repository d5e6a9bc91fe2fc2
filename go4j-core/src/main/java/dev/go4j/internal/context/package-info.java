/**
 * The context tree behind {@code dev.go4j.context}, after Go's {@code context.go}: cancel nodes
 * ({@code CancelNode}, {@code DeadlineNode} with a func timer), value nodes, detached and root contexts, and
 * {@link dev.go4j.internal.context.Contexts}, which builds them, propagates cancellation (directly to go4j nodes,
 * through a watching goroutine for foreign parents) and answers {@code cause}.
 *
 * <p>Layer: the highest internal one; it uses {@code chan}, {@code time}, {@code sync}, {@code runtime},
 * {@code park} and {@code clock}.
 */
package dev.go4j.internal.context;
