package dev.go4j.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The comparison rules of testable examples: Go's trimming, go4j's per-line leniency, ordered and unordered. */
class ExpectedOutputTest {
    @Test
    void normalizeTrimsTheWholeTextAndTrailingSpaceOfEachLine() {
        assertThat(ExpectedOutput.normalize("\n \n  a  \r\n\tb\t\n\n c\n\n  ")).isEqualTo("a\n\tb\n\n c");
    }

    @Test
    void normalizeKeepsIndentationAndInnerBlankLines() {
        assertThat(ExpectedOutput.normalize("x\n\n    y\n")).isEqualTo("x\n\n    y");
    }

    @Test
    void orderedComparesTheNormalizedTexts() {
        var want = new ExpectedOutput("a\nb\n", false);

        assertThatCode(() -> want.check("a   \r\nb\n\n")).doesNotThrowAnyException();
        assertThatThrownBy(() -> want.check("b\na\n")).isInstanceOf(AssertionFailedError.class)
                .hasMessage("got:\nb\na\nwant:\na\nb");
    }

    @Test
    void orderedFailureCarriesExpectedAndActualForIdeDiffs() {
        var want = new ExpectedOutput("a\n", false);

        assertThatThrownBy(() -> want.check(" z ")).isInstanceOfSatisfying(AssertionFailedError.class, e -> {
            assertThat(e.getExpected().getValue()).isEqualTo("a");
            assertThat(e.getActual().getValue()).isEqualTo("z");
        });
    }

    @Test
    void unorderedComparesSortedLinesWithMultiplicity() {
        var want = new ExpectedOutput("c\na\nb\nb\n", true);

        assertThatCode(() -> want.check("b\na\nb\nc\n")).doesNotThrowAnyException();
        assertThatThrownBy(() -> want.check("a\nb\nc\n")).isInstanceOf(AssertionFailedError.class)
                .hasMessage("got:\na\nb\nc\nwant (unordered):\nc\na\nb\nb");
    }

    @Test
    void emptyExpectationMatchesOnlyWhiteSpace() {
        var want = new ExpectedOutput("", false);

        assertThatCode(() -> want.check(" \n\t\n")).doesNotThrowAnyException();
        assertThatThrownBy(() -> want.check("x")).hasMessage("got:\nx\nwant:\n");
    }

    @Test
    void withArgumentsFillsInNumberedPlaceholdersOnlyAndKeepsTheRest() {
        var want = new ExpectedOutput("{0} costs {1}$ {2} {x} {}\n{1}", true);

        assertThat(want.withArguments(Arrays.asList("tea", 3, null)))
                .isEqualTo(new ExpectedOutput("tea costs 3$ null {x} {}\n3", true));
        assertThat(want.withArguments(List.of("$1\\"))).isEqualTo(
                new ExpectedOutput("$1\\ costs {1}$ {2} {x} {}\n{1}", true));
        assertThat(want.withArguments(List.of())).isEqualTo(want);
    }
}
