/**
 * go4j's counterpart of Go's built-ins and package {@code runtime}: goroutines ({@link dev.go4j.Go#go Go.go}),
 * the life of a program ({@link dev.go4j.Go#main Go.main}, {@link dev.go4j.Go#run Go.run} for a program embedded in
 * a JVM that lives on, {@link dev.go4j.Go#exit Go.exit}), interop with Java's executors
 * ({@link dev.go4j.Go#async Go.async}, {@link dev.go4j.Go#threadFactory Go.threadFactory},
 * {@link dev.go4j.Go#newExecutorService Go.newExecutorService}) and the failure model
 * ({@link dev.go4j.Panic}, {@link dev.go4j.RuntimeError}, {@link dev.go4j.FatalError},
 * {@link dev.go4j.Interrupted}, {@link dev.go4j.PanicPolicy}), channels ({@link dev.go4j.Chan},
 * {@link dev.go4j.SendChan}, {@link dev.go4j.ReceiveChan}) and {@link dev.go4j.Select select}.
 *
 * <p>Most used: {@link dev.go4j.Go}, {@link dev.go4j.Chan}, {@link dev.go4j.Select}, {@link dev.go4j.Task},
 * {@link dev.go4j.WaitReason}, {@link dev.go4j.Result}, {@link dev.go4j.Empty}.
 *
 * <p>A goroutine sends a message, and a select waits for it or for a timeout (with
 * {@code import static dev.go4j.Go.*;} and {@code import static dev.go4j.Select.*;}):
 *
 * {@snippet file="GoSnippets.java" region="program"}
 *
 * <p>Nullness: this package, like every exported go4j package, is {@code @NullMarked} (JSpecify): a type is
 * non-null unless it says {@code @Nullable}. {@code null} is a legal channel element, as Go sends nil errors: a
 * channel's element type may be nullable ({@code Chan<@Nullable Throwable>}). A closed, drained channel yields its
 * zero value, which is null unless given to {@link dev.go4j.Chan#make(int, Object) Chan.make}, so
 * {@code receive()}, {@link dev.go4j.Received#value()} and the value a select's receive case gets are
 * {@code @Nullable} whatever the element type.
 *
 * <p>Deviations from Go: goroutines that compute without blocking are not preempted by go4j; Java's
 * {@link Thread#interrupt()} makes blocking operations throw {@link dev.go4j.Interrupted}; fatal errors are thrown
 * outside {@code Go.main}; goroutines do not inherit {@link InheritableThreadLocal} values; Go's deadlock report
 * ({@code fatal error: all goroutines are asleep - deadlock!}) needs go4j's own scheduler and {@code Go.main} or
 * {@code Go.run} (whose goroutines are interrupted, not stopped, when its status is decided), and
 * goroutine dumps ({@link dev.go4j.Go#dump Go.dump}) are per-goroutine snapshots with Java frames. The README lists
 * every deviation.
 */
@NullMarked
package dev.go4j;

import org.jspecify.annotations.NullMarked;
