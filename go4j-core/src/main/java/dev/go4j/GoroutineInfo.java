package dev.go4j;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One goroutine as {@link Go#goroutines()} saw it: the facts of one entry of a goroutine dump, so that tools and
 * tests need not parse {@link Go#dump(Appendable) the text}.
 *
 * {@snippet file="DiagnosticsSnippets.java" region="goroutines"}
 *
 * <p>Each record is a snapshot of its goroutine alone, taken while its stack was captured; the records of one
 * list are not taken at one instant (go4j never stops every goroutine to take them).
 *
 * @param id the goroutine's id ({@code goroutine 7}); the main goroutine of {@link Go#main Go.main} is 1
 * @param state Go's word for what the goroutine is doing, the text a dump shows in brackets: the wait reason's
 *     text ({@code chan receive}, {@code select}, {@code sleep}, …) while it waits in go4j, else {@code running},
 *     {@code runnable}, {@code IO wait} for a JDK I/O call, or the JDK's thread state ({@code WAITING},
 *     {@code TIMED_WAITING}, {@code BLOCKED}) for any other JDK blocking call
 * @param waitReason why it waits in go4j, or null if it does not
 * @param waiting how long it has waited in go4j so far; zero if it does not
 * @param waitingOn what it waits on, as the primitive's {@code toString()} reads when the snapshot is taken: a
 *     channel's {@code chan "jobs"[len=0, cap=0]} (its debug name, else {@code chan@1b6d3586}, then its length and
 *     capacity), a select's list of its channels, a lock's or group's own text; null if it does not wait in go4j
 * @param createdIn the id of the goroutine that started it, or 0 if a thread go4j did not start did (and for the
 *     main goroutine)
 * @param createdBy the frame that started it: recorded only when the JVM runs with
 *     {@code -Dgo4j.debug.createdBy=true} (a stack walk in every {@code go}), else null
 * @param stack its stack, innermost frame first, without go4j's internal frames and the JDK's virtual-thread
 *     machinery
 */
public record GoroutineInfo(
        long id,
        String state,
        @Nullable WaitReason waitReason,
        Duration waiting,
        @Nullable String waitingOn,
        long createdIn,
        @Nullable StackTraceElement createdBy,
        List<StackTraceElement> stack) {

    /**
     * Checks the components and copies the stack into an immutable list.
     *
     * @throws NullPointerException if {@code state}, {@code waiting} or {@code stack} is null
     */
    public GoroutineInfo {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(waiting, "waiting");
        stack = List.copyOf(stack);
    }

    /**
     * Returns the innermost frame outside go4j and the JDK's virtual-thread machinery where the goroutine began:
     * the outermost frame of {@link #stack()}, the body of the task given to {@code go}.
     *
     * @return the goroutine's entry frame, or null if its stack is empty
     */
    public @Nullable StackTraceElement entry() {
        return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }
}
