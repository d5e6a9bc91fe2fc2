/**
 * The channel core, after Go's {@code runtime/chan.go} and {@code select.go}: {@link dev.go4j.internal.chan.Channel}
 * (the object users hold: {@link dev.go4j.internal.chan.SendReceiveChannel} for {@code chan T},
 * {@link dev.go4j.internal.chan.ReceiveOnlyChannel} for the {@code <-chan T} go4j hands out), its waiting operations
 * ({@code Sudog}, {@code SudogQueue}) and {@link dev.go4j.internal.chan.Selection}, Go's {@code selectgo}, which
 * reads any caller's cases through a {@link dev.go4j.internal.chan.CaseReader}.
 *
 * <p>Layer: above {@code clock} and {@code park}; {@code time} and {@code context} build on it. Nothing here calls
 * a public facade ({@code Go}, {@code Select}, {@code Chan}'s factories); {@code ClassScanTest} checks it.
 */
package dev.go4j.internal.chan;
