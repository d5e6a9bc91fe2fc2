package dev.go4j;

/**
 * A unit of work run by a goroutine: the body of Go's {@code go f()}, of {@code Go.main}, of
 * {@link dev.go4j.sync.WaitGroup#go(Task)} and of other callbacks that may throw.
 *
 * <p>Unlike {@link Runnable}, a task may throw checked exceptions. What happens to an exception that escapes a
 * goroutine is decided by the {@linkplain PanicPolicy panic policy}.
 *
 * {@snippet file="GoSnippets.java" region="task"}
 */
@FunctionalInterface
public interface Task {
    /**
     * Runs the task.
     *
     * @throws Exception anything the task fails with
     */
    void run() throws Exception;
}
