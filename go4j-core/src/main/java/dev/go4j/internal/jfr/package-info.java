/**
 * go4j's JDK Flight Recorder events, category {@code go4j}, and the switch {@link dev.go4j.internal.jfr.Jfr} through
 * which the rest of go4j emits them.
 *
 * <table>
 *   <caption>The events</caption>
 *   <tr><th>event</th><th>when</th><th>settings (default)</th></tr>
 *   <tr><td>{@code dev.go4j.GoroutineBlocked}</td><td>a goroutine's wait in go4j ended, with its duration, wait
 *       reason, what it waited on and the stack of the blocking call; committed by the goroutine as it
 *       wakes</td><td>{@code threshold} (20 ms), {@code stackTrace} (true)</td></tr>
 *   <tr><td>{@code dev.go4j.BlockedGoroutines}</td><td>periodic: one event per goroutine blocked now, with how
 *       long it has waited</td><td>{@code period} ({@code everyChunk}), {@code minimumWait} (1 s)</td></tr>
 *   <tr><td>{@code dev.go4j.ChannelClosed}</td><td>a channel was closed: name, identity, capacity, elements still
 *       buffered, receivers and senders woken</td><td>{@code enabled} (false: programs close a channel per
 *       context)</td></tr>
 *   <tr><td>{@code dev.go4j.Panic}</td><td>an exception escaped a goroutine (Go's panic report, or the
 *       uncaught-exception handler in library mode)</td><td></td></tr>
 *   <tr><td>{@code dev.go4j.Deadlock}</td><td>Go's deadlock report, before go4j halts</td><td></td></tr>
 *   <tr><td>{@code dev.go4j.GoroutineLeak}</td><td>the leak report proved a goroutine blocked forever (emitted
 *       through {@link dev.go4j.internal.jfr.Jfr#goroutineLeak})</td><td></td></tr>
 * </table>
 *
 * <p>Implementation notes.
 *
 * <ul>
 *   <li><b>Free when off.</b> Every emitter tests {@link dev.go4j.internal.jfr.Jfr#on()}, one volatile read of a
 *       static field, true only while some recording runs; it calls into the event classes only then. The park
 *       path begins a {@code GoroutineBlocked} event only if the event's type is enabled, so a recording that does
 *       not want it costs a park one more field read and no allocation.</li>
 *   <li><b>No jdk.jfr needed.</b> go4j-core declares {@code requires static jdk.jfr}. {@code Jfr} names no
 *       {@code jdk.jfr} type, and installs its listener ({@code RecorderWatch}) only if module {@code jdk.jfr} is
 *       in the boot layer and readable; otherwise the events stay off. The event classes are loaded by the listener
 *       or after {@code on()} said true, never before.</li>
 *   <li><b>Fields by plain writes.</b> Events get their fields from constructors or plain assignments and are
 *       committed at once; JFR's own check (enabled, threshold, the {@code minimumWait} setting) decides whether
 *       anything is written.</li>
 *   <li><b>Who calls whom.</b> This is go4j's lowest internal layer: it uses only {@code dev.go4j}'s vocabulary
 *       ({@link dev.go4j.WaitReason}). What it needs from above, the periodic event's walk of the goroutine
 *       registry, is handed down by {@code Park} as a {@link java.lang.Runnable} (see
 *       {@link dev.go4j.internal.jfr.Jfr#blockedGoroutines}). Emitters: {@code park} (GoroutineBlocked,
 *       BlockedGoroutines), {@code chan} (ChannelClosed), {@code runtime} (Panic, Deadlock), {@code diag} (the
 *       leak report).</li>
 *   <li><b>Class initialisation and JFR's locks.</b> Event classes do nothing in their static initialisers (JFR
 *       initialises an event class while it holds its metadata lock), and JFR's periodic thread, which may hold the
 *       recorder's lock, touches only classes whose initialisers do nothing; see {@code RecorderWatch}.</li>
 *   <li><b>Halting.</b> go4j halts for a fatal error or a deadlock without running shutdown hooks, and JFR writes
 *       a {@code -XX:StartFlightRecording:filename=…} recording in one; so go4j first stops the running recordings
 *       that have a destination, which writes them ({@link dev.go4j.internal.jfr.Jfr#beforeHalt()}).</li>
 * </ul>
 */
package dev.go4j.internal.jfr;
