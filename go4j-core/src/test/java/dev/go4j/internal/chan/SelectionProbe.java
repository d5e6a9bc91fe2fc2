package dev.go4j.internal.chan;

/**
 * Test access to the package-private parts of the select core: the deliberately unfair "first ready wins" variant
 * of {@link Selection}, which the fairness tests use to show that their check can fail.
 *
 * {@snippet :
 * var out = new Selection.Outcome();
 * int winner = SelectionProbe.selectFirstReady(operations, out); // always the first ready case in listed order
 * }
 */
public final class SelectionProbe {
    private SelectionProbe() {
    }

    /**
     * Performs one case like a blocking, untimed select, but polls the cases in listed order instead of a random
     * one.
     *
     * @param cases the operations, as {@code Select.Case} holds them
     * @param out receives the index and, for a receive, the value and ok flag
     * @return the index of the case that fired
     */
    public static int selectFirstReady(SelectCase[] cases, Selection.Outcome out) {
        return Selection.select(cases, true, false, 0, out, false);
    }
}
