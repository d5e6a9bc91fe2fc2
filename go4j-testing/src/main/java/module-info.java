/**
 * Testing go4j programs with JUnit: {@link dev.go4j.testing.Goroutines#awaitBlocked awaitBlocked} to order tests
 * without sleeping, and testable examples ({@link dev.go4j.testing.Output @Output},
 * {@link dev.go4j.testing.UnorderedOutput @UnorderedOutput}); leak checks follow.
 */
module dev.go4j.testing {
    requires transitive dev.go4j;
    requires transitive org.junit.jupiter.api;
    requires static org.jspecify; // the nullness annotations: needed neither at run time nor by users

    exports dev.go4j.testing;
    exports dev.go4j.testing.explore;
    exports dev.go4j.testing.synctest;
}
