/**
 * Testing go4j programs with JUnit 5 (5.10 or newer) or JUnit 6: {@link dev.go4j.testing.Goroutines#awaitBlocked
 * awaitBlocked} to order tests without sleeping, testable examples ({@link dev.go4j.testing.Output @Output},
 * {@link dev.go4j.testing.UnorderedOutput @UnorderedOutput}), the leak check ({@link dev.go4j.testing.Leaks},
 * {@link dev.go4j.testing.VerifyNoLeaks @VerifyNoLeaks}), synctest bubbles ({@code dev.go4j.testing.synctest}) and
 * schedule exploration ({@code dev.go4j.testing.explore}).
 *
 * <p>The module reads JUnit's API but brings none: the JUnit a project runs its tests with is its own. It uses only
 * go4j-core's exported packages, so it works on the module path and on the class path (where Surefire puts it for a
 * modular project whose main module does not read it) alike.
 */
module dev.go4j.testing {
    requires transitive dev.go4j;
    requires transitive org.junit.jupiter.api;
    requires static org.jspecify; // the nullness annotations: needed neither at run time nor by users

    exports dev.go4j.testing;
    exports dev.go4j.testing.explore;
    exports dev.go4j.testing.synctest;
}
