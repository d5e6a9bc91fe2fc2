/** The consumer check's tests as a module of their own, beside the module under test. */
open module com.example.consumer.tests {
    requires com.example.consumer;
    requires dev.go4j.testing;
    requires org.junit.jupiter.params;
}
