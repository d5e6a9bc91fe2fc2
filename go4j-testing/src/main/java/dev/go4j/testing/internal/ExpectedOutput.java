package dev.go4j.testing.internal;

import dev.go4j.testing.Output;
import dev.go4j.testing.UnorderedOutput;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/*
 * Implementation notes.
 *
 * Go's rule (testing/run_example.go): got and want are both strings.TrimSpace'd; an ordered example compares them
 * as strings, an unordered one compares their lines sorted. go4j normalises each side the same way before that:
 *
 *   1. "\r\n" becomes "\n" (println writes the platform's line separator; expectations are written with "\n");
 *   2. trailing white space of every line is removed (Java text blocks strip it from the expectation, so the
 *      captured side must be stripped too, or a line printed with a trailing space could never match);
 *   3. the whole text is stripped, as Go's TrimSpace (String.strip is Unicode white space, like TrimSpace).
 *
 * The failure message is Go's, without its trailing newline: "got:\n<got>\nwant:\n<want>", with
 * "want (unordered):" for unordered examples; both sides are shown normalised. The AssertionFailedError also
 * carries expected and actual values (sorted for unordered examples) so that IDEs can show a diff.
 */

/**
 * The output an example declared with {@link Output} or {@link UnorderedOutput}, and the comparison with what it
 * printed.
 *
 * {@snippet :
 * var want = new ExpectedOutput("b\na", true);
 * want.check("a\nb\n"); // passes: same lines, any order
 * }
 *
 * @param text the expected output as written in the annotation
 * @param unordered whether lines may come in any order
 */
public record ExpectedOutput(String text, boolean unordered) {
    /** A placeholder for an argument of a parameterized example: {@code {0}}, {@code {1}}… (at most 4 digits). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,4})\\}");

    /**
     * Returns the expected output declared on {@code method}, if it is an example.
     *
     * @param method a test method
     * @return its expectation, or empty if it has neither annotation
     * @throws ExtensionConfigurationException if the method has both annotations
     */
    public static Optional<ExpectedOutput> of(Method method) {
        Optional<Output> ordered = AnnotationSupport.findAnnotation(method, Output.class);
        Optional<UnorderedOutput> unordered = AnnotationSupport.findAnnotation(method, UnorderedOutput.class);
        if (ordered.isPresent() && unordered.isPresent()) {
            throw new ExtensionConfigurationException(method.getName()
                    + ": an example declares either @Output or @UnorderedOutput, not both");
        }
        return ordered.map(o -> new ExpectedOutput(o.value(), false))
                .or(() -> unordered.map(u -> new ExpectedOutput(u.value(), true)));
    }

    /**
     * Returns whether {@code method} is an example: it has {@link Output} or {@link UnorderedOutput} (or both,
     * which {@link #of(Method)} rejects).
     *
     * @param method a test method
     * @return true if it has either annotation
     */
    public static boolean isExample(Method method) {
        return AnnotationSupport.isAnnotated(method, Output.class)
                || AnnotationSupport.isAnnotated(method, UnorderedOutput.class);
    }

    /**
     * Returns this expectation with each placeholder {@code {0}}, {@code {1}}… replaced by the text of the
     * argument at that position ({@link String#valueOf(Object)}), for one invocation of a parameterized example.
     * Placeholders beyond the last argument, and all other text, stay as written.
     *
     * @param arguments the invocation's arguments
     * @return the expectation of that invocation
     */
    public ExpectedOutput withArguments(List<?> arguments) {
        StringBuilder expanded = new StringBuilder(text.length());
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            String replacement = index < arguments.size() ? String.valueOf(arguments.get(index))
                    : placeholder.group();
            placeholder.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        placeholder.appendTail(expanded);
        return new ExpectedOutput(expanded.toString(), unordered);
    }

    /**
     * Fails unless {@code got} matches this expectation.
     *
     * @param got what the example printed
     * @throws AssertionFailedError with Go's {@code got:}/{@code want:} message on a mismatch
     */
    public void check(String got) {
        String normalGot = normalize(got);
        String normalWant = normalize(text);
        String actual = unordered ? sortedLines(normalGot) : normalGot;
        String expected = unordered ? sortedLines(normalWant) : normalWant;
        if (!actual.equals(expected)) {
            String wantHeading = unordered ? "want (unordered):" : "want:";
            throw new AssertionFailedError("got:\n" + normalGot + "\n" + wantHeading + "\n" + normalWant, expected,
                    actual);
        }
    }

    /** The text as compared: line separators unified, each line's trailing white space removed, then stripped. */
    static String normalize(String text) {
        return text.replace("\r\n", "\n")
                .lines()
                .map(String::stripTrailing)
                .collect(Collectors.joining("\n"))
                .strip();
    }

    private static String sortedLines(String normalized) {
        List<String> lines = normalized.lines().sorted().toList();
        return String.join("\n", lines);
    }
}
