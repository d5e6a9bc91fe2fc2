package dev.go4j.testing;

import dev.go4j.testing.VerifyNoLeaks.When;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/*
 * Implementation notes.
 *
 * Before a test (BeforeEachCallback, so before its @BeforeEach methods), take Leaks.ignoreCurrent() and keep it in
 * the test's store; after it (AfterEachCallback, so after its @AfterEach methods), run Leaks.verifyNone with it and
 * the rules of the annotation in force. The same at class level (BeforeAll/AfterAll) for When.AFTER_ALL.
 *
 * The annotation in force is the nearest one: the method's, else its class's (or a superclass's, the annotation is
 * @Inherited), else an enclosing class's, walking out through the ExtensionContext parents, since an extension
 * registered on a class serves its @Nested classes too. A class-level check runs only at the class that carries
 * the AFTER_ALL annotation itself, not at its nested classes, whose goroutines its own check covers. Registered with
 * @ExtendWith and no annotation anywhere, the defaults apply (after each test, one second of grace).
 *
 * If the test failed, JUnit adds a leak failure to the test's failure as a suppressed exception.
 */

/**
 * The JUnit extension behind {@link VerifyNoLeaks @VerifyNoLeaks}: notes the goroutines alive before each test (or
 * class) and fails the test if goroutines it started are still alive after it and its grace period (see
 * {@link Leaks#verifyNone(Leaks.Option...)}). The annotation registers it; registered with
 * {@code @ExtendWith(LeakExtension.class)} on its own it checks each test with the defaults.
 *
 * {@snippet file="LeaksSnippets.java" region="extension"}
 */
public final class LeakExtension implements BeforeEachCallback, AfterEachCallback, BeforeAllCallback,
        AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LeakExtension.class);
    /** The store key of the snapshot (a Leaks.Option) taken before a test or class. */
    private static final String BEFORE = "goroutines before";

    /** Creates the extension; JUnit calls this. */
    public LeakExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (checksClass(context)) {
            context.getStore(NAMESPACE).put(BEFORE, Leaks.ignoreCurrent());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (checksClass(context)) {
            verify(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (checksEachTest(context)) {
            context.getStore(NAMESPACE).put(BEFORE, Leaks.ignoreCurrent());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (checksEachTest(context)) {
            verify(context);
        }
    }

    /** Runs the check with the snapshot taken before {@code context} and the rules in force there. */
    private static void verify(ExtensionContext context) {
        Leaks.Option before = context.getStore(NAMESPACE).remove(BEFORE, Leaks.Option.class);
        List<Leaks.Option> options = new ArrayList<>();
        if (before != null) {
            options.add(before);
        }
        Optional<VerifyNoLeaks> rules = nearest(context);
        if (rules.isPresent()) {
            options.add(Leaks.grace(Duration.ofMillis(rules.get().graceMillis())));
            for (String function : rules.get().ignoreCreatedBy()) {
                options.add(Leaks.ignoreCreatedBy(function));
            }
            for (String function : rules.get().ignoreBlockedIn()) {
                options.add(Leaks.ignoreBlockedIn(function));
            }
        }
        Leaks.verifyNone(options.toArray(Leaks.Option[]::new));
    }

    /** Whether {@code context}, a test, is checked on its own (AFTER_EACH in force). */
    private static boolean checksEachTest(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        Optional<VerifyNoLeaks> own = method.flatMap(m -> AnnotationSupport.findAnnotation(m, VerifyNoLeaks.class));
        if (own.isPresent() && own.get().when() == When.AFTER_ALL) {
            throw new ExtensionConfigurationException(method.get().getName()
                    + ": @VerifyNoLeaks(when = AFTER_ALL) belongs on a class; on a test method use AFTER_EACH");
        }
        return nearest(context).map(VerifyNoLeaks::when).orElse(When.AFTER_EACH) == When.AFTER_EACH;
    }

    /** Whether {@code context}, a class, is the one whose AFTER_ALL check it is. */
    private static boolean checksClass(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, VerifyNoLeaks.class))
                .map(own -> own.when() == When.AFTER_ALL)
                .orElse(false);
    }

    /** The annotation in force for {@code context}: its element's, else the nearest enclosing context's. */
    private static Optional<VerifyNoLeaks> nearest(ExtensionContext context) {
        for (Optional<ExtensionContext> at = Optional.of(context); at.isPresent(); at = at.get().getParent()) {
            Optional<AnnotatedElement> element = at.get().getElement();
            Optional<VerifyNoLeaks> found = element.flatMap(e -> AnnotationSupport.findAnnotation(e,
                    VerifyNoLeaks.class));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
