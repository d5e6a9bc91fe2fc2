package dev.go4j.internal.context;

import dev.go4j.context.Context;

/** Test access to a context node's registrations. */
public final class ContextProbe {
    private ContextProbe() {
    }

    /** How many children and callbacks are registered with {@code ctx}, a go4j cancellable context. */
    public static int registeredChildren(Context ctx) {
        return ((CancelNode) ctx).registeredChildren();
    }
}
