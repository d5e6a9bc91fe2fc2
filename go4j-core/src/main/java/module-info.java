/**
 * go4j: Go's concurrency model for Java, on virtual threads. Its packages mirror Go's standard library:
 * {@code dev.go4j} (goroutines, channels, select), {@code dev.go4j.sync}, {@code dev.go4j.time},
 * {@code dev.go4j.context}, and {@code golang.org/x/sync}'s {@code dev.go4j.errgroup}, {@code dev.go4j.semaphore}
 * and {@code dev.go4j.singleflight}; {@code dev.go4j.runtime} gives tools (the testing kit, debuggers, profilers)
 * the runtime's facts about goroutines. The {@code dev.go4j.internal} packages are exported to no module.
 *
 * <p>The exported packages are {@code @NullMarked} with JSpecify's annotations: a type in their API is non-null
 * unless it says {@code @Nullable}. The annotations are for nullness checkers; go4j needs module
 * {@code org.jspecify} neither at run time nor for compiling code that uses it.
 */
module dev.go4j {
    requires java.management;
    requires jdk.unsupported; // sun.misc.Signal, for dev.go4j.os.signal and the deadlock report
    // JFR events (dev.go4j.internal.jfr), optional: go4j runs without module jdk.jfr, with its events off. On the
    // class path every JDK module is there; on the module path jdk.jfr is resolved only if something needs it:
    // -XX:StartFlightRecording, --add-modules jdk.jfr, or another module that requires it.
    requires static jdk.jfr;
    requires static org.jspecify; // the nullness annotations: needed neither at run time nor by users

    exports dev.go4j;
    exports dev.go4j.context;
    exports dev.go4j.errgroup;
    exports dev.go4j.os.signal;
    exports dev.go4j.runtime;
    exports dev.go4j.semaphore;
    exports dev.go4j.singleflight;
    exports dev.go4j.sync;
    exports dev.go4j.time;
}
