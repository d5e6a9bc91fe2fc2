package com.example.consumer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.go4j.Go;
import dev.go4j.testing.Goroutines;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The variant runs as it claims: on the JUnit version of its BOM, with go4j on the module path or not. */
class LayoutTest {
    @Test
    void junitIsTheVersionOfTheProjectsBom() throws URISyntaxException {
        String jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName()
                .toString();
        assertEquals("junit-jupiter-api-" + System.getProperty("expected.junit") + ".jar", jar);
    }

    @Test
    void eachSideIsInTheModuleTheVariantSays() {
        String modules = moduleOf(Go.class) + " " + moduleOf(Goroutines.class) + " " + moduleOf(LayoutTest.class);
        assertEquals(System.getProperty("expected.modules"), modules);
    }

    private static String moduleOf(Class<?> type) {
        return type.getModule().isNamed() ? type.getModule().getName() : "unnamed";
    }
}
