/**
 * Testing go4j programs with JUnit: {@link dev.go4j.test.Goroutines#awaitBlocked awaitBlocked} to order tests
 * without sleeping, and testable examples ({@link dev.go4j.test.Output @Output},
 * {@link dev.go4j.test.UnorderedOutput @UnorderedOutput}); leak checks follow.
 */
module dev.go4j.test {
    requires transitive dev.go4j;
    requires transitive org.junit.jupiter.api;

    exports dev.go4j.test;
}
