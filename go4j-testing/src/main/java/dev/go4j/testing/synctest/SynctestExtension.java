package dev.go4j.testing.synctest;

import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The JUnit extension behind {@link dev.go4j.testing.Synctest @Synctest}-annotated tests: each test
 * method runs as the body of a {@link Synctest#test synctest bubble}.
 *
 * {@snippet file="SynctestSnippets.java" region="annotation"}
 */
public final class SynctestExtension implements InvocationInterceptor {
    /** Creates the extension; JUnit does, for {@code @Synctest}. */
    public SynctestExtension() {
    }

    @Override
    public void interceptTestMethod(Invocation<@Nullable Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) {
        inBubble(invocation);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<@Nullable Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) {
        inBubble(invocation);
    }

    private static void inBubble(Invocation<@Nullable Void> invocation) {
        Synctest.test(() -> {
            try {
                invocation.proceed();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new UndeclaredThrowableException(t);
            }
        });
    }
}
