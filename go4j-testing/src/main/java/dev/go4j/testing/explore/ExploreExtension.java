package dev.go4j.testing.explore;

import dev.go4j.testing.Explore;
import java.lang.reflect.Method;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit extension behind {@link Explore @Explore}: runs the test method under schedule exploration, or replays
 * one schedule when the annotation gives a seed.
 *
 * {@snippet file="ExploreSnippets.java" region="annotation"}
 */
public final class ExploreExtension implements InvocationInterceptor {
    /** How many of a failing schedule's last decisions the failure message shows. */
    private static final int DECISIONS_SHOWN = 40;

    /** Creates the extension; JUnit does, for {@code @Explore}. */
    public ExploreExtension() {
    }

    @Override
    public void interceptTestMethod(Invocation<@Nullable Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) {
        Method method = invocationContext.getExecutable();
        Explore explore = method.getAnnotation(Explore.class);
        invocation.skip(); // the method is run here, once per schedule
        Object target = invocationContext.getTarget().orElse(null);
        Object[] arguments = invocationContext.getArguments().toArray();
        // JUnit's own reflection: a test package of a module is opened to JUnit, not to go4j-testing.
        dev.go4j.Task body = () -> ReflectionSupport.invokeMethod(method, target, arguments);
        if (explore.seed() != Explore.EXPLORE) {
            dev.go4j.testing.explore.Explore.replay(explore.seed(), body);
            return;
        }
        long seed = (method.getDeclaringClass().getName() + "#" + method.getName()).hashCode();
        ExploreResult result = dev.go4j.testing.explore.Explore.run(explore.schedules(), seed, body);
        if (result.failure().isPresent()) {
            throw failure(result);
        }
    }

    private static AssertionError failure(ExploreResult result) {
        List<String> trace = result.trace();
        StringBuilder text = new StringBuilder("schedule exploration failed in schedule ").append(result.schedules())
                .append(" (").append(result.distinctInterleavings()).append(" distinct interleavings tried); replay it")
                .append(" with @Explore(seed = ").append(result.failingSeed().orElseThrow()).append("L)\n")
                .append("its last decisions:\n");
        for (String decision : trace.subList(Math.max(0, trace.size() - DECISIONS_SHOWN), trace.size())) {
            text.append("    ").append(decision).append('\n');
        }
        Throwable cause = result.failure().orElseThrow();
        text.append("failure: ").append(cause);
        return new AssertionError(text.toString(), cause);
    }
}
