/**
 * go4j: Go's concurrency model for Java, on virtual threads. Its packages mirror Go's standard library:
 * {@code dev.go4j} (goroutines, channels, select), {@code dev.go4j.sync}, and more to come.
 */
module dev.go4j {
    exports dev.go4j;
    exports dev.go4j.context;
    exports dev.go4j.errgroup;
    exports dev.go4j.semaphore;
    exports dev.go4j.singleflight;
    exports dev.go4j.sync;
    exports dev.go4j.time;
    exports dev.go4j.internal.park to dev.go4j.test;
}
