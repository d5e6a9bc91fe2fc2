/** The consumer check's code under test as a module: it needs go4j-core only. */
module com.example.consumer {
    requires dev.go4j;

    exports com.example.consumer;
}
