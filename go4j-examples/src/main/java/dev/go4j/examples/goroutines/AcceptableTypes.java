package dev.go4j.examples.goroutines;

import dev.go4j.Go;
import dev.go4j.Task;
import dev.go4j.sync.WaitGroup;
import java.util.List;

/**
 * Lesson: what {@code go} accepts. In Go, {@code go} takes a function call: a named function, a method, a function
 * literal, or a closure over local variables. In go4j, {@link Go#go(Task)} (and {@link WaitGroup#go(Task)}) take a
 * {@link Task}, and each of those four forms converts to one:
 *
 * <ul>
 *   <li>a named static method: {@code AcceptableTypes::namedFunction} (Go: {@code go namedFunction()});</li>
 *   <li>an instance method, bound to its receiver: {@code gordon::introduce} (Go: {@code go gordon.Introduce()});</li>
 *   <li>an anonymous function, a lambda that captures nothing (Go: {@code go func() { … }()});</li>
 *   <li>a closure, a lambda that captures local variables (Go: a function literal using variables of the
 *       enclosing function).</li>
 * </ul>
 *
 * <p>Each goroutine prints a few values of different types through {@link #describe(Object)}, a pattern-matching
 * {@code switch}, Java's counterpart of Go's type switch {@code switch v := x.(type)}. To keep the output in a fixed
 * order, the lesson starts one goroutine at a time and waits for it with a WaitGroup before starting the next;
 * {@code wg.go(f)} is {@code go(f)} plus the counting ({@code add(1)} before, {@code done()} after f returns).
 *
 * <p>Differences from Go: Go's {@code go f(x)} evaluates {@code x} when the {@code go} statement runs; in Java write
 * {@code go(() -> f(x))}, and the lambda captures {@code x}, which must be effectively final, so it is the same
 * value. A loop variable is copied first ({@code int n = i;}), which is what Go 1.22 does for you.
 *
 * {@snippet :
 * Task closure = () -> show("closure", captured); // any of the four forms is a Task
 * Go.go(closure);
 * }
 */
public final class AcceptableTypes {
    private AcceptableTypes() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, AcceptableTypes::run);
    }

    /** The lesson's body: four goroutines, one per form, each finished before the next starts. */
    static void run() {
        Task named = AcceptableTypes::namedFunction;
        Task method = new Gopher("Gordon")::introduce;
        Task anonymous = () -> show("anonymous function", 3.14, null);
        List<String> languages = List.of("Go", "Java");
        char initial = 'g';
        Task closure = () -> show("closure", languages, initial);

        var wg = new WaitGroup();
        for (Task f : List.of(named, method, anonymous, closure)) {
            wg.go(f);
            wg.await();
        }
    }

    /** A named static method, started by a method reference. */
    static void namedFunction() {
        show("named function", 42, "a string");
    }

    /** A value with a method; {@code gordon::introduce} binds the receiver. */
    record Gopher(String name) {
        void introduce() {
            show("instance method", this, true);
        }
    }

    /** Prints one line per value: who printed it and what type of value it is. */
    static void show(String who, Object... values) {
        for (Object value : values) {
            System.out.println(who + ": " + describe(value));
        }
    }

    /** Java's type switch: a {@code switch} over the value's type, with a binding for each case. */
    static String describe(Object value) {
        return switch (value) {
            case null -> "null (Go's nil)";
            case Integer i -> "Integer " + i;
            case Double d -> "Double " + d;
            case String s -> "String \"" + s + "\"";
            case Boolean b -> "Boolean " + b;
            case Character c -> "Character '" + c + "'";
            case Gopher(String name) -> "Gopher named " + name;
            case List<?> list -> "List of " + list.size() + " " + list;
            default -> "something else: " + value.getClass().getSimpleName();
        };
    }
}
